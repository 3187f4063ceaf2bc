package io.kubeward.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.kubeward.testkit.Workloads;
import io.kubeward.testkit.controlplane.ControlPlane;
import io.kubeward.testkit.controlplane.ControlPlaneOptions;
import io.kubeward.testkit.controlplane.FakeNode;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 5's drain benchmark (not a test): one node with 110 pods from 11 Deployments, each with a
 * PodDisruptionBudget, drained once by Kubeward (REST API {@code POST /nodes/{node}/drain},
 * followed until the maintenance Succeeded) and once by {@code kubectl drain --ignore-daemonsets
 * --delete-emptydir-data}, on the same control plane with the same fixture on a fresh node each.
 * While a drain runs, a sampler lists the pods every 250 ms and counts PDB violations: a Deployment
 * with fewer healthy pods (Ready, not terminating) than its budget's minimum. Writes the result to
 * {@code docs/BENCHMARKS.md} between {@code <!-- drain:begin -->} and {@code <!-- drain:end -->}.
 *
 * <p>Arguments: {@code <server exec jar> <docs folder> [pods=110] [rounds=1]}.
 */
public final class DrainBenchmark {

  private static final Logger log = LoggerFactory.getLogger(DrainBenchmark.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String POOL = "bench.kubeward.io/drain-pool";
  private static final String CLUSTER = "bench";
  private static final int DEPLOYMENTS = 11;
  private static final Duration READY_DEADLINE = Duration.ofMinutes(10);
  private static final Duration DRAIN_DEADLINE = Duration.ofMinutes(30);

  private final Path jar;
  private final Path docs;
  private final int pods;
  private final int rounds;

  private DrainBenchmark(Path jar, Path docs, int pods, int rounds) {
    this.jar = jar;
    this.docs = docs;
    this.pods = pods;
    this.rounds = rounds;
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: DrainBenchmark <server exec jar> <docs folder> [pods] [rounds]");
      System.exit(2);
    }
    int pods = args.length > 2 ? Integer.parseInt(args[2]) : 110;
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 1;
    new DrainBenchmark(Path.of(args[0]), Path.of(args[1]), pods, rounds)
        .run(String.join(" ", java.util.Arrays.asList(args).subList(2, args.length)));
  }

  /** One drain: who drained, how long it took, and what the sampler saw. */
  record Result(
      String tool, int round, Duration wall, int samples, int violations, int minHeadroom) {}

  private void run(String arguments) throws Exception {
    Path work = Files.createTempDirectory("kubeward-drain-bench-");
    double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    List<FakeNode> nodes = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      nodes.add(source("kubeward", round));
      nodes.add(source("kubectl", round));
    }
    for (int i = 0; i < 3; i++) {
      nodes.add(
          FakeNode.inZone("drain-spare-" + i, "zone-b").withCapacity("64", "256Gi", pods + 20));
    }
    ControlPlaneOptions options =
        BenchControlPlane.withFastControllers(
                ControlPlaneOptions.builder().nodes(nodes).startTimeout(Duration.ofMinutes(5)))
            .build();
    List<Result> results = new ArrayList<>();
    try (ControlPlane controlPlane = ControlPlane.start(options);
        KubernetesClient client = controlPlane.newAdminClient();
        Server server =
            Server.start(jar, controlPlane.kubewardKubeconfig(), work.resolve("server"))) {
      server.awaitNodes(nodes.size(), Duration.ofMinutes(3));
      Path kubectl = kubectl();
      for (int round = 0; round < rounds; round++) {
        // Alternate who goes first, so that neither profits from a warmer control plane.
        List<String> order =
            round % 2 == 0 ? List.of("kubeward", "kubectl") : List.of("kubectl", "kubeward");
        for (String tool : order) {
          results.add(
              tool.equals("kubeward")
                  ? round(client, tool, round, node -> server.drain(node))
                  : round(
                      client,
                      tool,
                      round,
                      node -> drainWithKubectl(kubectl, controlPlane.kubeconfig(), node)));
        }
      }
      double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
      write(controlPlane, kubectl, results, arguments, loadBefore, loadAfter);
    }
    log.info("Drain benchmark done; work folder {}", work);
  }

  private FakeNode source(String tool, int round) {
    return FakeNode.inZone(sourceName(tool, round), "zone-a")
        .withCapacity("64", "256Gi", pods + 10)
        .withLabel(POOL, tool + "-" + round);
  }

  private static String sourceName(String tool, int round) {
    return "drain-" + tool + "-" + round;
  }

  /** A drain of the source node; answers when it is complete. */
  interface Drainer {
    void drain(String node) throws Exception;
  }

  private Result round(KubernetesClient client, String tool, int round, Drainer drainer)
      throws Exception {
    String pool = tool + "-" + round;
    String namespace = "drain-" + pool;
    String node = sourceName(tool, round);
    Map<String, Integer> minimumHealthy = createFixture(client, namespace, pool);
    awaitUntil(
        "all " + pods + " pods Ready on " + node,
        READY_DEADLINE,
        () -> healthyOn(client, namespace, node) == pods);
    awaitUntil(
        "the budgets of " + namespace + " observed",
        READY_DEADLINE,
        () -> budgetsObserved(client, namespace));
    // Only now may replacements go elsewhere: every pod must be evicted from the source node.
    for (int i = 0; i < 3; i++) {
      // A merge patch without resourceVersion: KWOK's heartbeats change the node all the time.
      client
          .nodes()
          .withName("drain-spare-" + i)
          .patch(
              PatchContext.of(PatchType.JSON_MERGE),
              "{\"metadata\":{\"labels\":{\"" + POOL + "\":\"" + pool + "\"}}}");
    }
    Sampler sampler = new Sampler(client, namespace, minimumHealthy);
    Thread sampling = Thread.ofPlatform().daemon().name("pdb-sampler").start(sampler);
    log.info("{} drains {} ({} pods) ...", tool, node, pods);
    long start = System.nanoTime();
    drainer.drain(node);
    Duration wall = Duration.ofNanos(System.nanoTime() - start);
    sampler.stop();
    sampling.join();
    long left =
        client.pods().inNamespace(namespace).list().getItems().stream()
            .filter(p -> node.equals(p.getSpec().getNodeName()))
            .count();
    if (left > 0) {
      throw new IllegalStateException(tool + " left " + left + " pods on " + node);
    }
    log.info(
        "{}: {} s, {} samples, {} PDB violations",
        tool,
        wall.toMillis() / 1000.0,
        sampler.samples.get(),
        sampler.violations.get());
    client.namespaces().withName(namespace).delete();
    return new Result(
        tool,
        round,
        wall,
        sampler.samples.get(),
        sampler.violations.get(),
        sampler.minHeadroom.get());
  }

  /** 11 Deployments on the source node, each with a budget; answers each one's minimum healthy. */
  private Map<String, Integer> createFixture(
      KubernetesClient client, String namespace, String pool) {
    client
        .namespaces()
        .resource(
            new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
        .create();
    Map<String, Integer> minimumHealthy = new HashMap<>();
    for (int i = 0; i < DEPLOYMENTS; i++) {
      String name = "app-%02d".formatted(i);
      int replicas = pods / DEPLOYMENTS + (i < pods % DEPLOYMENTS ? 1 : 0);
      client
          .apps()
          .deployments()
          .inNamespace(namespace)
          .resource(Workloads.deployment(name, replicas, Map.of(POOL, pool)))
          .create();
      // Three kinds of budget: maxUnavailable 1, maxUnavailable 2, minAvailable 80 %.
      PodDisruptionBudgetBuilder budget =
          new PodDisruptionBudgetBuilder().withNewMetadata().withName(name).endMetadata();
      int allowedDown;
      if (i % 3 == 0) {
        budget.withNewSpec().withMaxUnavailable(new IntOrString(1)).endSpec();
        allowedDown = 1;
      } else if (i % 3 == 1) {
        budget.withNewSpec().withMaxUnavailable(new IntOrString(2)).endSpec();
        allowedDown = 2;
      } else {
        budget.withNewSpec().withMinAvailable(new IntOrString("80%")).endSpec();
        allowedDown = replicas - (int) Math.ceil(replicas * 0.8);
      }
      budget.editSpec().withNewSelector().addToMatchLabels("app", name).endSelector().endSpec();
      client
          .policy()
          .v1()
          .podDisruptionBudget()
          .inNamespace(namespace)
          .resource(budget.build())
          .create();
      minimumHealthy.put(name, replicas - allowedDown);
    }
    return minimumHealthy;
  }

  private static long healthyOn(KubernetesClient client, String namespace, String node) {
    return client.pods().inNamespace(namespace).list().getItems().stream()
        .filter(p -> node.equals(p.getSpec().getNodeName()))
        .filter(DrainBenchmark::healthy)
        .count();
  }

  private static boolean budgetsObserved(KubernetesClient client, String namespace) {
    List<PodDisruptionBudget> budgets =
        client.policy().v1().podDisruptionBudget().inNamespace(namespace).list().getItems();
    return budgets.size() == DEPLOYMENTS
        && budgets.stream()
            .allMatch(
                b ->
                    b.getStatus() != null
                        && b.getStatus().getObservedGeneration() != null
                        && b.getStatus().getObservedGeneration() >= b.getMetadata().getGeneration()
                        && b.getStatus().getDisruptionsAllowed() != null
                        && b.getStatus().getDisruptionsAllowed() > 0);
  }

  static boolean healthy(Pod pod) {
    return pod.getMetadata().getDeletionTimestamp() == null
        && pod.getStatus() != null
        && pod.getStatus().getConditions() != null
        && pod.getStatus().getConditions().stream()
            .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  private static void awaitUntil(String what, Duration deadline, BooleanSupplier condition)
      throws InterruptedException {
    long end = System.nanoTime() + deadline.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new IllegalStateException("Not reached within " + deadline + ": " + what);
      }
      Thread.sleep(200);
    }
  }

  /** Counts samples in which a Deployment has fewer healthy pods than its budget's minimum. */
  static final class Sampler implements Runnable {
    private final KubernetesClient client;
    private final String namespace;
    private final Map<String, Integer> minimumHealthy;
    private final AtomicBoolean running = new AtomicBoolean(true);
    final AtomicInteger samples = new AtomicInteger();
    final AtomicInteger violations = new AtomicInteger();
    final AtomicInteger minHeadroom = new AtomicInteger(Integer.MAX_VALUE);

    Sampler(KubernetesClient client, String namespace, Map<String, Integer> minimumHealthy) {
      this.client = client;
      this.namespace = namespace;
      this.minimumHealthy = minimumHealthy;
    }

    void stop() {
      running.set(false);
    }

    @Override
    public void run() {
      while (running.get()) {
        Map<String, Integer> healthy = new HashMap<>();
        for (Pod pod : client.pods().inNamespace(namespace).list().getItems()) {
          if (healthy(pod)) {
            healthy.merge(pod.getMetadata().getLabels().get("app"), 1, Integer::sum);
          }
        }
        samples.incrementAndGet();
        minimumHealthy.forEach(
            (app, minimum) -> {
              int headroom = healthy.getOrDefault(app, 0) - minimum;
              minHeadroom.accumulateAndGet(headroom, Math::min);
              if (headroom < 0) {
                violations.incrementAndGet();
                log.warn(
                    "PDB violation: {} has {} healthy pods, minimum {}",
                    app,
                    healthy.getOrDefault(app, 0),
                    minimum);
              }
            });
        try {
          Thread.sleep(250);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /** kubectl 1.33 from the Google Cloud SDK if present (within skew of 1.34), else PATH's. */
  private static Path kubectl() {
    for (String candidate :
        List.of(
            "/usr/lib/google-cloud-sdk/bin/kubectl.1.33",
            "/usr/local/bin/kubectl",
            "/usr/bin/kubectl")) {
      if (Files.isExecutable(Path.of(candidate))) {
        return Path.of(candidate);
      }
    }
    return Path.of("kubectl");
  }

  private static void drainWithKubectl(Path kubectl, Path kubeconfig, String node)
      throws IOException, InterruptedException {
    List<String> command =
        List.of(
            kubectl.toString(),
            "--kubeconfig=" + kubeconfig,
            "drain",
            node,
            "--ignore-daemonsets",
            "--delete-emptydir-data",
            "--timeout=" + DRAIN_DEADLINE.toMinutes() + "m");
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!process.waitFor(DRAIN_DEADLINE.toMinutes() + 1, TimeUnit.MINUTES)
        || process.exitValue() != 0) {
      throw new IOException("kubectl drain " + node + " failed");
    }
  }

  private void write(
      ControlPlane controlPlane,
      Path kubectl,
      List<Result> results,
      String arguments,
      double loadBefore,
      double loadAfter)
      throws IOException {
    StringBuilder section = new StringBuilder();
    section.append("<!-- drain:begin -->\n");
    section.append("## Drain: Kubeward vs kubectl (issue 5)\n\n");
    section.append(
        "One KWOK node with %d pods from %d Deployments, each with a PodDisruptionBudget (a third `maxUnavailable: 1`, a third `maxUnavailable: 2`, a third `minAvailable: 80%%`); replacements may only go to three spare nodes. Kubeward drains through its REST API (`POST /api/v1/clusters/{c}/nodes/{node}/drain`, a one-node NodeMaintenance with default settings, timed until the maintenance is Succeeded, polled every 200 ms); kubectl runs `kubectl drain NODE --ignore-daemonsets --delete-emptydir-data`. Same control plane, same fixture on a fresh node for each drain. PDB violations: samples (every 250 ms, pods listed from the apiserver) in which a Deployment had fewer healthy pods (Ready, not terminating) than its budget's minimum; they must be 0.\n\n"
            .formatted(pods, DEPLOYMENTS));
    section.append("| round | tool | drain time | samples | PDB violations | least headroom |\n");
    section.append("|---|---|---|---|---|---|\n");
    for (Result r : results) {
      section.append(
          "| %d | %s | %.1f s | %d | %d | %d |\n"
              .formatted(
                  r.round() + 1,
                  r.tool(),
                  r.wall().toMillis() / 1000.0,
                  r.samples(),
                  r.violations(),
                  r.minHeadroom()));
    }
    double kubeward = median(results, "kubeward");
    double reference = median(results, "kubectl");
    int violations = results.stream().mapToInt(Result::violations).sum();
    section.append(
        "\n**Kubeward / kubectl drain time: %.2f** (%.1f s vs %.1f s%s); PDB violations: **%d**.\n\n"
            .formatted(
                kubeward / reference,
                kubeward,
                reference,
                rounds > 1 ? ", medians of " + rounds + " rounds" : "",
                violations));
    section.append(
        "Kubernetes %s (etcd, kube-apiserver, controller-manager, scheduler, KWOK), %s, %d cores (load average %.1f before, %.1f after: the machine was shared), measured %s. Reproduce: `bin/benchmark drain%s` (or `java -cp <kubeward-bench classpath> io.kubeward.bench.DrainBenchmark kubeward-server/target/kubeward-server-*-exec.jar docs%s`). Kubeward's drain settings are the defaults (`kubeward.maintenance.drain-poll` 2 s, `kubeward.drain.backoff-base` 5 s); kubectl retries a refused eviction every 5 s.\n"
            .formatted(
                controlPlane.kubernetesVersion(),
                kubectl.getFileName(),
                Runtime.getRuntime().availableProcessors(),
                loadBefore,
                loadAfter,
                Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES),
                arguments.isEmpty() ? "" : " " + arguments,
                arguments.isEmpty() ? "" : " " + arguments));
    section.append("<!-- drain:end -->\n");
    Path file = docs.resolve("BENCHMARKS.md");
    String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    int begin = text.indexOf("<!-- drain:begin -->");
    int end = text.indexOf("<!-- drain:end -->");
    if (begin >= 0 && end > begin) {
      text =
          text.substring(0, begin)
              + section
              + text.substring(end + "<!-- drain:end -->\n".length());
    } else {
      text = text + (text.endsWith("\n") || text.isEmpty() ? "\n" : "\n\n") + section;
    }
    Files.writeString(file, text, StandardCharsets.UTF_8);
    log.info("Wrote {}", file);
  }

  private static double median(List<Result> results, String tool) {
    double[] times =
        results.stream()
            .filter(r -> r.tool().equals(tool))
            .mapToDouble(r -> r.wall().toMillis() / 1000.0)
            .sorted()
            .toArray();
    return times.length % 2 == 1
        ? times[times.length / 2]
        : (times[times.length / 2 - 1] + times[times.length / 2]) / 2;
  }

  /** The Kubeward server as its own JVM ({@code java -jar}), driven through its REST API. */
  static final class Server implements AutoCloseable {
    private final Process process;
    private final int port;
    private final HttpClient http;
    private String token;

    private Server(Process process, int port) {
      this.process = process;
      this.port = port;
      this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    static Server start(Path jar, Path kubeconfig, Path workDir) throws IOException {
      Files.createDirectories(workDir);
      int port;
      try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        port = socket.getLocalPort();
      }
      String password = "drain-bench-" + Long.toHexString(System.nanoTime());
      List<String> command =
          List.of(
              Path.of(System.getProperty("java.home"), "bin", "java").toString(),
              "-Xmx1g",
              "-jar",
              jar.toString(),
              "--kubeconfig=" + kubeconfig,
              "--server.address=127.0.0.1",
              "--server.port=" + port,
              "--kubeward.cluster-name=" + CLUSTER,
              "--kubeward.security.admin-password=" + password,
              "--kubeward.data-dir=" + workDir.resolve("data"));
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(workDir.resolve("server.log").toFile())
              .start();
      // Stop the server with this JVM too (Ctrl-C), as the control plane's components are.
      Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "drain-bench-server-stop"));
      Server server = new Server(process, port);
      server.signIn(password, Duration.ofMinutes(3));
      return server;
    }

    /** Signs in (session + CSRF) and creates an API token, as {@code kubeward login} does. */
    private void signIn(String password, Duration deadline) throws IOException {
      CookieManager cookies = new CookieManager();
      HttpClient session =
          HttpClient.newBuilder()
              .connectTimeout(Duration.ofSeconds(5))
              .cookieHandler(cookies)
              .build();
      long end = System.nanoTime() + deadline.toNanos();
      while (true) {
        try {
          HttpResponse<String> login =
              session.send(
                  json(
                          "POST",
                          "/api/v1/auth/login",
                          Map.of("username", "admin", "password", password))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
          if (login.statusCode() != 200) {
            throw new IOException("sign-in answered " + login.statusCode() + ": " + login.body());
          }
          break;
        } catch (IOException e) {
          if (!process.isAlive() || System.nanoTime() > end) {
            throw new IOException("the server did not start; see its log: " + e.getMessage(), e);
          }
          sleep(250);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException(e);
        }
      }
      String xsrf =
          cookies.getCookieStore().getCookies().stream()
              .filter(c -> c.getName().equals("XSRF-TOKEN"))
              .map(HttpCookie::getValue)
              .findFirst()
              .orElseThrow(() -> new IOException("no XSRF-TOKEN cookie"));
      try {
        HttpResponse<String> created =
            session.send(
                json(
                        "POST",
                        "/api/v1/auth/tokens",
                        Map.of("name", "drain-benchmark", "expiresInDays", 1))
                    .header("X-XSRF-TOKEN", xsrf)
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
          throw new IOException(
              "token creation answered " + created.statusCode() + ": " + created.body());
        }
        token = JSON.readTree(created.body()).get("token").asText();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException(e);
      }
    }

    private HttpRequest.Builder json(String method, String path, Object body) throws IOException {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
              .timeout(Duration.ofSeconds(30))
              .header("Content-Type", "application/json")
              .method(
                  method,
                  body == null
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
      if (token != null) {
        request.header("Authorization", "Bearer " + token);
      }
      return request;
    }

    private JsonNode send(String method, String path, Object body, int expected)
        throws IOException, InterruptedException {
      HttpResponse<String> response =
          http.send(json(method, path, body).build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != expected) {
        throw new IOException(
            method + " " + path + " answered " + response.statusCode() + ": " + response.body());
      }
      return JSON.readTree(response.body());
    }

    /** Waits until Kubeward's cache lists {@code count} nodes. */
    void awaitNodes(int count, Duration deadline) throws Exception {
      awaitUntil(
          "Kubeward lists " + count + " nodes",
          deadline,
          () -> {
            try {
              return send(
                          "GET",
                          "/api/v1/clusters/" + CLUSTER + "/resources/nodes?limit=500",
                          null,
                          200)
                      .path("total")
                      .asInt()
                  == count;
            } catch (IOException e) {
              return false;
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              return false;
            }
          });
    }

    /** Drains {@code node} as a user of the REST API does, until the maintenance Succeeded. */
    void drain(String node) throws Exception {
      JsonNode created =
          send(
              "POST",
              "/api/v1/clusters/" + CLUSTER + "/nodes/" + node + "/drain",
              Map.of("timeoutSeconds", DRAIN_DEADLINE.toSeconds()),
              201);
      String path = "/api/v1/clusters/" + CLUSTER + "/maintenances/" + created.get("name").asText();
      long end = System.nanoTime() + DRAIN_DEADLINE.toNanos();
      while (System.nanoTime() < end) {
        JsonNode view = send("GET", path, null, 200);
        String phase = view.path("phase").asText();
        if (phase.equals("Succeeded")) {
          return;
        }
        if (phase.equals("Failed") || phase.equals("Cancelled")) {
          throw new IllegalStateException("Kubeward's drain ended " + phase + ": " + view);
        }
        Thread.sleep(200);
      }
      throw new IllegalStateException("Kubeward's drain of " + node + " did not finish");
    }

    private static void sleep(long millis) {
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    @Override
    public void close() throws InterruptedException {
      process.destroy();
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }
}
