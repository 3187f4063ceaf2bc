package io.kubeward.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.testkit.Workloads;
import io.kubeward.testkit.controlplane.ControlPlane;
import io.kubeward.testkit.controlplane.ControlPlaneOptions;
import io.kubeward.testkit.controlplane.FakeNode;
import io.kubeward.testkit.receiver.RecordingReceiver;
import io.kubeward.testkit.receiver.RecordingReceiver.Request;
import io.kubeward.testkit.scenario.CrashLoops;
import io.kubeward.testkit.scenario.ScriptedNode;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 14's alerting benchmark (not a test), {@code bin/benchmark alerting [small|full] [rounds]
 * [pods]}. The server runs as a separate JVM ({@link ServerProcess}) with its default alerting
 * settings; a {@link RecordingReceiver} on loopback is the one webhook channel.
 *
 * <ol>
 *   <li><b>Detection-to-notification latency</b>, p50/p99 over {@code rounds} runs each, with
 *       {@code for: 0s} and {@code groupWait: 0s}: from the moment the apiserver accepted a node's
 *       {@code Ready=False} (a {@link ScriptedNode} reports it, a fresh node each round) or a pod's
 *       {@code CrashLoopBackOff} status (a fresh pod each round) to the receipt of the firing
 *       webhook message. Next to it the default kube-prometheus pipeline computed from its
 *       documented intervals (scrape 30 s, evaluation 30 s, group_wait 30 s, {@code for: 15m}).
 *   <li><b>Evaluation cost of the default rule set</b> at {@code pods} pods: the server's CPU time
 *       (utime + stime) over a window with the default rules enabled minus a window with every rule
 *       disabled, per evaluation cycle (cycles counted from the engine's Micrometer timer {@code
 *       kubeward_alerting_evaluation*_seconds_count} when it is exposed, else window / evaluation
 *       interval).
 *   <li><b>Notification throughput</b> of one webhook channel at its highest rate limit (600 per
 *       minute): {@code throughput} alerts (1000 in the full size: one rule's bound, {@code
 *       kubeward.alerting.rules.max-samples}), each its own group, enabled at once.
 * </ol>
 *
 * Writes the section between {@code <!-- alerting-<size>:begin -->} and {@code :end} of {@code
 * docs/BENCHMARKS.md} and the raw numbers to {@code docs/benchmarks-alerting-<size>.json}.
 */
public final class AlertingBenchmark {

  private static final Logger log = LoggerFactory.getLogger(AlertingBenchmark.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CLUSTER = ServerProcess.CLUSTER;
  private static final String GROUP_VERSION = "kubeward.io/v1alpha1";
  private static final String KIND = "ClusterAlertRule";
  private static final String SCRIPTED_LABEL = "bench.kubeward.io/alerting";
  private static final String NS_LATENCY = "bench-alerting";
  private static final String NS_EVAL = "bench-alerting-eval";
  private static final String CHANNEL = "bench-hook";
  private static final Duration EVALUATION_INTERVAL = Duration.ofSeconds(10);
  private static final List<String> DEFAULT_RULES =
      List.of(
          "node-not-ready",
          "pod-crash-looping",
          "deployment-unavailable",
          "pvc-pending",
          "quota-exhausted",
          "apiserver-certificate-expiry");

  /** kube-prometheus' documented defaults (Prometheus Operator and its alertmanager config). */
  static final Duration KP_SCRAPE = Duration.ofSeconds(30);

  static final Duration KP_EVALUATION = Duration.ofSeconds(30);
  static final Duration KP_GROUP_WAIT = Duration.ofSeconds(30);
  static final Duration KP_FOR = Duration.ofMinutes(15);

  private final Path jar;
  private final Path docs;
  private final String size;
  private final int rounds;
  private final int pods;
  private final int throughputAlerts;
  private final Duration costWindow;

  private AlertingBenchmark(Path jar, Path docs, String size, int rounds, int pods) {
    this.jar = jar;
    this.docs = docs;
    this.size = size;
    this.rounds = rounds;
    this.pods = pods;
    // one rule yields at most kubeward.alerting.rules.max-samples (1000) samples per evaluation
    this.throughputAlerts = size.equals("full") ? 1000 : 60;
    this.costWindow = size.equals("full") ? Duration.ofMinutes(3) : Duration.ofSeconds(60);
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println(
          "usage: AlertingBenchmark <server exec jar> <docs folder> [small|full] [rounds] [pods]");
      System.exit(2);
    }
    String size = args.length > 2 ? args[2] : "small";
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : size.equals("full") ? 50 : 10;
    int pods = args.length > 4 ? Integer.parseInt(args[4]) : size.equals("full") ? 30_000 : 1_000;
    new AlertingBenchmark(Path.of(args[0]), Path.of(args[1]), size, rounds, pods).run();
  }

  record Latency(String what, List<Long> millis) {
    long percentile(double p) {
      List<Long> sorted = millis.stream().sorted().toList();
      int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
      return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
  }

  record Cost(
      int pods,
      double windowSeconds,
      double cpuIdleSeconds,
      double cpuRulesSeconds,
      double cycles,
      String cyclesFrom,
      double meanEvaluationMillis) {
    double cpuPerCycleMillis() {
      return cycles <= 0 ? Double.NaN : (cpuRulesSeconds - cpuIdleSeconds) * 1000 / cycles;
    }
  }

  record Throughput(int notifications, double seconds, int maxPerMinute) {
    double perMinute() {
      return seconds <= 0 ? Double.NaN : (notifications - 1) / seconds * 60;
    }
  }

  private void run() throws Exception {
    Path work = Files.createTempDirectory("kubeward-alerting-bench-");
    double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    int nodes = Math.max(2, (pods + 99) / 100);
    List<FakeNode> fakeNodes = new ArrayList<>();
    for (int i = 0; i < nodes; i++) {
      fakeNodes.add(
          FakeNode.inZone("alert-bench-" + i, "zone-" + (i % 3)).withCapacity("64", "256Gi", 110));
    }
    ControlPlaneOptions options =
        BenchControlPlane.withFastControllers(
                ControlPlaneOptions.builder().nodes(fakeNodes).startTimeout(Duration.ofMinutes(5)))
            .build();
    int managementPort = freePort();
    try (ControlPlane controlPlane = ControlPlane.start(options);
        KubernetesClient kube = controlPlane.newAdminClient();
        RecordingReceiver hook = RecordingReceiver.start();
        ServerProcess server =
            ServerProcess.start(
                jar,
                controlPlane.kubewardKubeconfig(),
                work.resolve("server"),
                "2g",
                List.of(),
                List.of(
                    "--management.server.port=" + managementPort,
                    "--kubeward.alerting.evaluation-interval="
                        + EVALUATION_INTERVAL.toSeconds()
                        + "s"))) {
      server.awaitSignIn(Duration.ofMinutes(3));
      for (String ns : List.of(NS_LATENCY, NS_EVAL)) {
        kube.namespaces()
            .resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
            .serverSideApply();
      }
      awaitRuleCrds(kube);
      setDefaultRules(kube, false);
      send(
          server,
          "POST",
          "/api/v1/alerting/channels",
          Map.of(
              "name",
              CHANNEL,
              "type",
              "webhook",
              "enabled",
              true,
              "language",
              "en",
              "settings",
              Map.of("url", hook.url("/hook").toString()),
              "secrets",
              Map.of(),
              "allowPrivateAddresses",
              true,
              "maxPerMinute",
              600));
      send(server, "PUT", "/api/v1/alerting/policy", policy());

      Latency nodeLatency = nodeNotReadyLatency(kube, server, hook);
      Latency podLatency = crashLoopLatency(kube, hook);
      Throughput throughput = throughput(kube, hook);
      Cost cost = evaluationCost(kube, server, managementPort);
      double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
      write(controlPlane, nodeLatency, podLatency, cost, throughput, loadBefore, loadAfter);
    }
    log.info("Alerting benchmark done; work folder {}", work);
  }

  private static Map<String, Object> policy() {
    Map<String, Object> route = new LinkedHashMap<>();
    route.put("channels", List.of(CHANNEL));
    route.put("groupBy", List.of("alertname", "cluster", "node", "pod"));
    route.put("groupWait", "0s");
    route.put("groupInterval", "1s");
    route.put("repeatInterval", "4h");
    route.put("sendResolved", true);
    route.put("routes", List.of());
    Map<String, Object> policy = new LinkedHashMap<>();
    policy.put("route", route);
    policy.put("inhibitRules", List.of());
    policy.put("timeIntervals", List.of());
    policy.put("muteDuringMaintenance", true);
    return policy;
  }

  // ---------------------------------------------------------------- 1. latency

  private Latency nodeNotReadyLatency(
      KubernetesClient kube, ServerProcess server, RecordingReceiver hook) throws Exception {
    String rule = "bench-node-not-ready";
    applyRule(
        kube,
        rule,
        Map.of(
            "nodeHealth",
            Map.of(
                "types",
                List.of("NotReady"),
                "selector",
                Map.of("matchLabels", Map.of(SCRIPTED_LABEL, "node")))));
    List<Long> millis = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      String name = "alert-bench-nn-" + round;
      try (ScriptedNode node = ScriptedNode.start(kube, name, Map.of(SCRIPTED_LABEL, "node"))) {
        awaitServerKnowsNode(server, name);
        Instant start = Instant.now();
        node.reportNotReady("ContainerRuntimeDown", "benchmark");
        Request fired =
            hook.awaitRequest(message("firing", rule, "node", name), Duration.ofMinutes(2));
        millis.add(Duration.between(start, fired.receivedAt()).toMillis());
        node.recover();
        hook.awaitRequest(message("resolved", rule, "node", name), Duration.ofMinutes(2));
      }
      log.info("node NotReady round {}: {} ms", round, millis.getLast());
    }
    deleteRule(kube, rule);
    return new Latency("node NotReady", millis);
  }

  private Latency crashLoopLatency(KubernetesClient kube, RecordingReceiver hook) {
    String rule = "bench-crash-loop";
    applyRule(
        kube,
        rule,
        Map.of(
            "finding",
            Map.of(
                "rules",
                List.of("pod.crash-loop"),
                "kinds",
                List.of("Pod"),
                "namespaces",
                List.of(NS_LATENCY))));
    List<Long> millis = new ArrayList<>();
    try (ScriptedNode node =
        ScriptedNode.start(kube, "alert-bench-pods", Map.of(SCRIPTED_LABEL, "pods"))) {
      for (int round = 0; round < rounds; round++) {
        String pod = "crash-" + round;
        Instant start = Instant.now();
        node.crashLoopingPod(NS_LATENCY, pod, Map.of("app", "crash"), 5);
        Request fired =
            hook.awaitRequest(message("firing", rule, "pod", pod), Duration.ofMinutes(2));
        millis.add(Duration.between(start, fired.receivedAt()).toMillis());
        kube.pods().inNamespace(NS_LATENCY).withName(pod).withGracePeriod(0).delete();
        hook.awaitRequest(message("resolved", rule, "pod", pod), Duration.ofMinutes(2));
        log.info("CrashLoopBackOff round {}: {} ms", round, millis.getLast());
      }
    }
    deleteRule(kube, rule);
    return new Latency("pod CrashLoopBackOff", millis);
  }

  private static void awaitServerKnowsNode(ServerProcess server, String node) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    while (System.nanoTime() < deadline) {
      if (server.get("/api/v1/clusters/" + CLUSTER + "/nodes/" + node).statusCode() == 200) {
        return;
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("the server does not show node " + node);
  }

  // ---------------------------------------------------------------- 2. evaluation cost

  private Cost evaluationCost(KubernetesClient kube, ServerProcess server, int managementPort)
      throws Exception {
    int deployments = Math.max(1, pods / 30);
    for (int i = 0; i < deployments; i++) {
      kube.apps()
          .deployments()
          .inNamespace(NS_EVAL)
          .resource(Workloads.deployment("app-" + i, 30, Map.of("type", "kwok")))
          .serverSideApply();
    }
    // a few failing pods, so that the finding rules have something to match
    List<String> crashing =
        CrashLoops.create(kube, NS_EVAL, "crashing", Math.max(1, pods / 100), Map.of(), Map.of());
    int total = deployments * 30 + crashing.size();
    long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
    while (System.nanoTime() < deadline
        && kube.pods().inNamespace(NS_EVAL).list().getItems().stream()
                .filter(p -> p.getStatus() != null && p.getStatus().getStartTime() != null)
                .count()
            < total) {
      Thread.sleep(2_000);
    }
    Thread.sleep(10_000); // let the cache and diagnostics settle (not a synchronisation)
    Metrics idleBefore = Metrics.read(managementPort);
    long cpu0 = ProcessCpu.millis(server.pid());
    Thread.sleep(costWindow.toMillis());
    long cpu1 = ProcessCpu.millis(server.pid());

    setDefaultRules(kube, true);
    Thread.sleep(2 * EVALUATION_INTERVAL.toMillis()); // the rules are loaded and evaluated once
    Metrics rulesBefore = Metrics.read(managementPort);
    long cpu2 = ProcessCpu.millis(server.pid());
    Thread.sleep(costWindow.toMillis());
    long cpu3 = ProcessCpu.millis(server.pid());
    Metrics rulesAfter = Metrics.read(managementPort);

    double window = costWindow.toMillis() / 1000.0;
    double cycles;
    String from;
    double meanMillis = Double.NaN;
    if (rulesAfter.count > rulesBefore.count) {
      cycles = rulesAfter.count - rulesBefore.count;
      from = "engine timer " + rulesAfter.name;
      meanMillis = (rulesAfter.sum - rulesBefore.sum) * 1000 / cycles;
    } else {
      cycles = window / EVALUATION_INTERVAL.toSeconds();
      from = "window / evaluation interval (no engine timer exposed)";
    }
    log.info("idle metrics before {}", idleBefore);
    return new Cost(
        total, window, (cpu1 - cpu0) / 1000.0, (cpu3 - cpu2) / 1000.0, cycles, from, meanMillis);
  }

  /** The engine's evaluation timer from the management port's Prometheus endpoint. */
  record Metrics(String name, double count, double sum) {
    static Metrics read(int port) {
      try {
        HttpResponse<String> response =
            HttpClient.newHttpClient()
                .send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                    HttpResponse.BodyHandlers.ofString());
        String name = null;
        double count = 0;
        double sum = 0;
        for (String line : response.body().split("\n")) {
          if (!line.startsWith("kubeward_alerting_evaluation")) {
            continue;
          }
          String metric =
              line.contains("{") ? line.substring(0, line.indexOf('{')) : line.split(" ")[0];
          double value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
          if (metric.endsWith("_seconds_count")) {
            name = metric.substring(0, metric.length() - "_count".length());
            count += value;
          } else if (metric.endsWith("_seconds_sum")) {
            sum += value;
          }
        }
        return new Metrics(name, count, sum);
      } catch (IOException | RuntimeException e) {
        return new Metrics(null, 0, 0);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new Metrics(null, 0, 0);
      }
    }
  }

  // ---------------------------------------------------------------- 3. throughput

  private Throughput throughput(KubernetesClient kube, RecordingReceiver hook) {
    String rule = "bench-throughput";
    String ns = NS_LATENCY;
    try (ScriptedNode node =
        ScriptedNode.start(kube, "alert-bench-burst", Map.of(SCRIPTED_LABEL, "burst"))) {
      for (int i = 0; i < throughputAlerts; i++) {
        node.crashLoopingPod(ns, "burst-" + i, Map.of("app", "burst"), 5);
      }
      int before = hook.count();
      applyRule(
          kube,
          rule,
          Map.of(
              "finding",
              Map.of(
                  "rules",
                  List.of("pod.crash-loop"),
                  "kinds",
                  List.of("Pod"),
                  "namespaces",
                  List.of(ns),
                  "selector",
                  Map.of("matchLabels", Map.of("app", "burst")))));
      List<Request> messages =
          hook.awaitRequests(
              message("firing", rule, "alertname", rule), throughputAlerts, Duration.ofMinutes(10));
      Instant first = messages.getFirst().receivedAt();
      Instant last = messages.get(throughputAlerts - 1).receivedAt();
      log.info(
          "throughput: {} messages (of {} requests since)", messages.size(), hook.count() - before);
      deleteRule(kube, rule);
      return new Throughput(
          throughputAlerts, Duration.between(first, last).toMillis() / 1000.0, 600);
    }
  }

  // ---------------------------------------------------------------- rules

  private static void awaitRuleCrds(KubernetesClient kube) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (System.nanoTime() < deadline) {
      var crd =
          kube.apiextensions()
              .v1()
              .customResourceDefinitions()
              .withName("clusteralertrules.kubeward.io")
              .get();
      if (crd != null
          && crd.getStatus() != null
          && crd.getStatus().getConditions().stream()
              .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()))) {
        return;
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("the ClusterAlertRule CRD is not established");
  }

  @SuppressWarnings("unchecked")
  private static void setDefaultRules(KubernetesClient kube, boolean enabled)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    for (String name : DEFAULT_RULES) {
      while (kube.genericKubernetesResources(GROUP_VERSION, KIND).withName(name).get() == null) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("default rule " + name + " missing");
        }
        Thread.sleep(500);
      }
      kube.genericKubernetesResources(GROUP_VERSION, KIND)
          .withName(name)
          .edit(
              r -> {
                ((Map<String, Object>) r.getAdditionalProperties().get("spec"))
                    .put("enabled", enabled);
                return r;
              });
    }
  }

  private static void applyRule(KubernetesClient kube, String name, Map<String, Object> condition) {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("enabled", true);
    spec.put("severity", "critical");
    spec.put("for", "0s");
    spec.put("condition", condition);
    spec.put("annotations", Map.of("summary", "benchmark {{ $labels.alertname }}"));
    GenericKubernetesResource rule =
        new GenericKubernetesResourceBuilder()
            .withApiVersion(GROUP_VERSION)
            .withKind(KIND)
            .withNewMetadata()
            .withName(name)
            .endMetadata()
            .addToAdditionalProperties("spec", spec)
            .build();
    kube.resource(rule).fieldManager("alerting-bench").forceConflicts().serverSideApply();
  }

  private static void deleteRule(KubernetesClient kube, String name) {
    kube.genericKubernetesResources(GROUP_VERSION, KIND).withName(name).delete();
  }

  private static void send(ServerProcess server, String method, String path, Object body)
      throws Exception {
    HttpResponse<String> response = server.send(method, path, body);
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException(
          method + " " + path + " answered " + response.statusCode() + ": " + response.body());
    }
  }

  /** A webhook message with a {@code status} alert of {@code rule} whose label has the value. */
  static Predicate<Request> message(String status, String rule, String label, String value) {
    return r -> {
      try {
        JsonNode body = JSON.readTree(r.body());
        for (JsonNode alert : body.path("alerts")) {
          if (status.equals(alert.path("status").asText())
              && rule.equals(alert.path("labels").path("alertname").asText())
              && value.equals(alert.path("labels").path(label).asText())) {
            return true;
          }
        }
        return false;
      } catch (IOException notJson) {
        return false;
      }
    };
  }

  // ---------------------------------------------------------------- report

  /** kube-prometheus with {@code for: 0}: scrape U(0,30) + evaluation U(0,30) + group_wait. */
  static double kubePrometheusPercentileSeconds(double p, boolean withFor) {
    double a = KP_SCRAPE.toSeconds();
    double b = KP_EVALUATION.toSeconds();
    // the sum of two uniform delays U(0,a) + U(0,b) with a == b: triangular on [0, 2a]
    double q = p / 100.0;
    double sum = q <= 0.5 ? Math.sqrt(2 * q) * a : 2 * a - Math.sqrt(2 * (1 - q)) * b;
    double result = sum + KP_GROUP_WAIT.toSeconds();
    return withFor ? result + KP_FOR.toSeconds() : result;
  }

  private void write(
      ControlPlane controlPlane,
      Latency node,
      Latency pod,
      Cost cost,
      Throughput throughput,
      double loadBefore,
      double loadAfter)
      throws IOException {
    String when =
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC)
            .format(Instant.now());
    Report report =
        new Report(
                "alerting-" + size, "Alerting: detection to notification (issue 14, " + size + ")")
            .fact(
                "Command",
                "`bin/benchmark alerting "
                    + size
                    + " "
                    + rounds
                    + " "
                    + pods
                    + "` (`io.kubeward.bench.AlertingBenchmark`, ADR 0034)")
            .fact(
                "Run",
                when
                    + ", Kubernetes "
                    + controlPlane.kubernetesVersion()
                    + ", 1-minute load average "
                    + String.format(Locale.ROOT, "%.1f before, %.1f after", loadBefore, loadAfter))
            .fact(
                "Setup",
                "the server as a separate JVM (`java -Xmx2g -jar`), default alerting settings except"
                    + " `evaluation-interval=10s`; rules with `for: 0s`, policy `groupWait: 0s`,"
                    + " group by alertname/cluster/node/pod, one webhook channel to a receiver on"
                    + " loopback; each round a fresh node (a `ScriptedNode` reporting `Ready=False`)"
                    + " or a fresh pod (its kubelet-posted status `CrashLoopBackOff`); the clock"
                    + " starts before the status update is sent to the apiserver");
    List<List<String>> rows = new ArrayList<>();
    for (Latency l : List.of(node, pod)) {
      rows.add(
          List.of(
              l.what(),
              Integer.toString(l.millis().size()),
              l.percentile(50) + " ms",
              l.percentile(99) + " ms",
              l.millis().stream().mapToLong(Long::longValue).max().orElse(0) + " ms"));
    }
    rows.add(
        List.of(
            "kube-prometheus, same rule with `for: 0` (computed)",
            "–",
            fmtSeconds(kubePrometheusPercentileSeconds(50, false)),
            fmtSeconds(kubePrometheusPercentileSeconds(99, false)),
            fmtSeconds(
                KP_SCRAPE.toSeconds() + KP_EVALUATION.toSeconds() + KP_GROUP_WAIT.toSeconds())));
    rows.add(
        List.of(
            "kube-prometheus defaults: KubeNodeNotReady / KubePodCrashLooping `for: 15m` (computed)",
            "–",
            fmtSeconds(kubePrometheusPercentileSeconds(50, true)),
            fmtSeconds(kubePrometheusPercentileSeconds(99, true)),
            fmtSeconds(
                KP_SCRAPE.toSeconds()
                    + KP_EVALUATION.toSeconds()
                    + KP_GROUP_WAIT.toSeconds()
                    + KP_FOR.toSeconds())));
    report.table(
        new Report.Table(
            "Detection to notification",
            "Target p99 ≤ 5 s. kube-prometheus: kube-state-metrics is scraped every 30 s, rules are"
                + " evaluated every 30 s (the Prometheus Operator's defaults), Alertmanager's"
                + " `group_wait` is 30 s (kube-prometheus' `alertmanager-secret.yaml`); the two"
                + " uniform phase delays add up to a triangular distribution on [0, 60 s]. A new"
                + " alert joining an existing group (`group_by: [namespace]`) waits for"
                + " `group_interval` (5 m) instead.",
            List.of("pipeline", "runs", "p50", "p99", "max"),
            rows));
    report.table(
        new Report.Table(
            "Evaluation cost of the default rule set",
            "Server CPU (utime + stime from /proc) over "
                + fmtSeconds(cost.windowSeconds())
                + " with the six default ClusterAlertRules enabled, minus the same window with every"
                + " rule disabled, divided by the evaluation cycles ("
                + cost.cyclesFrom()
                + ").",
            List.of(
                "pods",
                "CPU, rules off",
                "CPU, rules on",
                "cycles",
                "CPU per cycle",
                "engine's mean evaluation time"),
            List.of(
                List.of(
                    String.format(Locale.ROOT, "%,d", cost.pods()),
                    String.format(Locale.ROOT, "%.2f s", cost.cpuIdleSeconds()),
                    String.format(Locale.ROOT, "%.2f s", cost.cpuRulesSeconds()),
                    String.format(Locale.ROOT, "%.0f", cost.cycles()),
                    String.format(Locale.ROOT, "%.1f ms", cost.cpuPerCycleMillis()),
                    Double.isNaN(cost.meanEvaluationMillis())
                        ? "not exposed"
                        : String.format(Locale.ROOT, "%.1f ms", cost.meanEvaluationMillis())))));
    report.table(
        new Report.Table(
            "Notification throughput of one webhook channel",
            throughput.notifications()
                + " alerts (each its own group) became firing in one evaluation; the channel's rate"
                + " limit was at its maximum, "
                + throughput.maxPerMinute()
                + " per minute. The limit lets a minute's worth go at once, so up to "
                + throughput.maxPerMinute()
                + " notifications measure the sender (rendering, HTTP on loopback, history), more"
                + " measure the limit.",
            List.of("notifications", "first to last", "rate"),
            List.of(
                List.of(
                    Integer.toString(throughput.notifications()),
                    String.format(Locale.ROOT, "%.1f s", throughput.seconds()),
                    String.format(Locale.ROOT, "%.0f per minute", throughput.perMinute())))));
    report
        .raw("nodeNotReadyMillis", node.millis())
        .raw("crashLoopMillis", pod.millis())
        .raw("cost", cost)
        .raw("throughput", throughput);
    report.write(
        docs.resolve("BENCHMARKS.md"), docs.resolve("benchmarks-alerting-" + size + ".json"));
    log.info("{}", report.markdown());
  }

  static String fmtSeconds(double seconds) {
    if (seconds >= 120) {
      return String.format(Locale.ROOT, "%d min %02.0f s", (long) (seconds / 60), seconds % 60);
    }
    return String.format(Locale.ROOT, "%.1f s", seconds);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
