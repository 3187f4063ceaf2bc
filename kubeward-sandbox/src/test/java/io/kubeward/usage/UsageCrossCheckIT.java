package io.kubeward.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.cli.CliContext;
import io.kubeward.cli.Json;
import io.kubeward.cli.KubewardCli;
import io.kubeward.server.KubewardServer;
import io.kubeward.testkit.LocalControlPlane;
import io.kubeward.testkit.TestNamespace;
import io.kubeward.testkit.Workloads;
import io.kubeward.testkit.controlplane.ControlPlane;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Kubeward's live usage equals {@code kubectl top} on the same cluster (issue 12): the local
 * control plane with metrics-server reading KWOK's emulated kubelet metrics; for every node and for
 * the pods of a namespace, the REST API ({@code /usage/nodes}, {@code /usage/pods}), the CLI
 * ({@code kubeward top ... -o json} and its table) and {@code kubectl top} show the same CPU
 * (millicores), memory (mebibytes) and percentages.
 *
 * <p>metrics-server's answer moves every resolution (15 s); each comparison brackets the kubectl
 * run between two readings of Kubeward's API (with {@code max-age=0s}, so each is a fresh read) and
 * counts only when both readings carry the same metrics timestamps, retrying until such a pair is
 * seen or the deadline passes.
 */
@LocalControlPlane
class UsageCrossCheckIT {

  private static final String PASSWORD = "usage-it-admin-password";
  private static final Duration DEADLINE = Duration.ofSeconds(180);
  private static final long MI = 1024L * 1024L;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir static Path dir;
  private static ConfigurableApplicationContext server;
  private static KubernetesClient kube;
  private static Path kubeconfig;
  private static String url;

  record Run(int exitCode, String out, String err) {}

  @BeforeAll
  static void start(ControlPlane controlPlane) {
    kube = controlPlane.newAdminClient();
    kubeconfig = controlPlane.kubeconfig();
    server =
        KubewardServer.start(
            "--kubeconfig=" + controlPlane.kubewardKubeconfig(),
            "--kubeward.cluster-name=local",
            "--server.address=127.0.0.1",
            "--server.port=0",
            "--kubeward.data-dir=" + dir.resolve("data"),
            "--kubeward.security.admin-password=" + PASSWORD,
            "--kubeward.usage.max-age=0s",
            "--kubeward.usage.absent-for=1s");
    url = "http://127.0.0.1:" + ((WebServerApplicationContext) server).getWebServer().getPort();
    Run login =
        cli(PASSWORD + "\n", "login", "--server", url, "--user", "admin", "--password-stdin");
    assertThat(login.exitCode()).as(login.err()).isZero();
  }

  @AfterAll
  static void stop() {
    if (kube != null) {
      kube.close();
    }
    if (server != null) {
      server.close();
    }
  }

  // ---------------------------------------------------------------- nodes

  @Test
  void everyNodesUsageEqualsKubectlTopNodes() {
    await().atMost(DEADLINE).until(() -> kubectl("top", "nodes", "--no-headers").exitCode() == 0);
    await()
        .atMost(DEADLINE)
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () -> {
              JsonNode before = api("/usage/nodes");
              Run kubectl = kubectl("top", "nodes", "--no-headers");
              Run json = cli("", "top", "nodes", "-o", "json");
              Run table = cli("", "top", "nodes");
              JsonNode after = api("/usage/nodes");
              assertThat(kubectl.exitCode()).as(kubectl.err()).isZero();
              assertThat(json.exitCode()).as(json.err()).isZero();
              // the same metrics-server sample on both sides of kubectl (else: retried)
              assertThat(timestamps(after)).isEqualTo(timestamps(before));
              assertThat(timestamps(Json.MAPPER.readTree(json.out())))
                  .isEqualTo(timestamps(before));

              Map<String, List<String>> expected = rows(kubectl.out(), 1);
              assertThat(expected).isNotEmpty();
              assertThat(nodeRows(before)).isEqualTo(expected);
              assertThat(nodeRows(Json.MAPPER.readTree(json.out()))).isEqualTo(expected);
              assertThat(rows(table.out().lines().skip(1).reduce("", (a, b) -> a + b + "\n"), 1))
                  .isEqualTo(expected);
              assertThat(expected.values())
                  .as("KWOK's emulated usage is not zero")
                  .anySatisfy(r -> assertThat(r.get(0)).isNotEqualTo("0m"));
            });
  }

  // ---------------------------------------------------------------- pods

  @Test
  void thePodsOfANamespaceEqualKubectlTopPods(TestNamespace namespace) {
    kube.apps()
        .deployments()
        .inNamespace(namespace.name())
        .resource(withRequests(Workloads.deployment("web", 3, Map.of())))
        .create();
    await()
        .atMost(DEADLINE)
        .until(
            () -> {
              Run top = kubectl("top", "pods", "-n", namespace.name(), "--no-headers");
              return top.exitCode() == 0 && top.out().lines().count() == 3;
            });
    await()
        .atMost(DEADLINE)
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () -> {
              String pods = "/usage/pods?namespace=" + namespace.name();
              JsonNode before = api(pods);
              Run kubectl = kubectl("top", "pods", "-n", namespace.name(), "--no-headers");
              Run containers =
                  kubectl("top", "pods", "-n", namespace.name(), "--containers", "--no-headers");
              Run json = cli("", "top", "pods", "-n", namespace.name(), "-o", "json");
              JsonNode after = api(pods);
              assertThat(kubectl.exitCode()).as(kubectl.err()).isZero();
              assertThat(json.exitCode()).as(json.err()).isZero();
              assertThat(timestamps(after)).isEqualTo(timestamps(before));
              assertThat(timestamps(Json.MAPPER.readTree(json.out())))
                  .isEqualTo(timestamps(before));

              Map<String, List<String>> expected = rows(kubectl.out(), 1);
              assertThat(expected).hasSize(3);
              assertThat(podRows(before)).isEqualTo(expected);
              assertThat(podRows(Json.MAPPER.readTree(json.out()))).isEqualTo(expected);
              assertThat(containerRows(before)).isEqualTo(rows(containers.out(), 2));
            });
  }

  @Test
  void usageShowsRequestsAndLimitsNextToTheMeasurement(TestNamespace namespace) throws Exception {
    kube.apps()
        .deployments()
        .inNamespace(namespace.name())
        .resource(withRequests(Workloads.deployment("api", 1, Map.of())))
        .create();
    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () -> {
              JsonNode pod = api("/usage/pods?namespace=" + namespace.name()).path("items").get(0);
              assertThat(pod).isNotNull();
              assertThat(pod.at("/cpu/used").isNumber()).isTrue();
              assertThat(pod.at("/cpu/requested").asLong()).isEqualTo(100);
              assertThat(pod.at("/memory/limits").asLong()).isEqualTo(256 * MI);
              assertThat(pod.at("/containers/0/memoryLimitRatio").isNumber()).isTrue();
              assertThat(pod.path("closestToMemoryLimit").asText()).isEqualTo("app");
            });
    JsonNode overview = api("/usage");
    assertThat(overview.at("/source/kind").asText()).isEqualTo("metrics-api");
    assertThat(overview.at("/cpu/used").isNumber()).isTrue();
    assertThat(overview.path("topNodes").size()).isBetween(1, 5);
  }

  // ---------------------------------------------------------------- helpers

  private static Deployment withRequests(Deployment deployment) {
    deployment
        .getSpec()
        .getTemplate()
        .getSpec()
        .getContainers()
        .get(0)
        .setResources(
            new ResourceRequirementsBuilder()
                .addToRequests("cpu", new Quantity("100m"))
                .addToRequests("memory", new Quantity("64Mi"))
                .addToLimits("memory", new Quantity("256Mi"))
                .build());
    return deployment;
  }

  /** {@code name → [cpu, cpu%, memory, memory%]} as kubectl prints them. */
  private static Map<String, List<String>> nodeRows(JsonNode list) {
    Map<String, List<String>> rows = new HashMap<>();
    for (JsonNode node : list.path("items")) {
      JsonNode cpu = node.path("cpu");
      JsonNode memory = node.path("memory");
      if (!cpu.path("used").isNumber()) {
        rows.put(
            node.path("name").asText(),
            List.of("<unknown>", "<unknown>", "<unknown>", "<unknown>"));
        continue;
      }
      long cpuUsed = cpu.path("used").asLong();
      long memoryUsed = memory.path("used").asLong();
      rows.put(
          node.path("name").asText(),
          List.of(
              cpuUsed + "m",
              cpuUsed * 100 / cpu.path("allocatable").asLong() + "%",
              memoryUsed / MI + "Mi",
              memoryUsed * 100 / memory.path("allocatable").asLong() + "%"));
    }
    return rows;
  }

  /** {@code pod → [cpu, memory]} of the measured pods. */
  private static Map<String, List<String>> podRows(JsonNode list) {
    Map<String, List<String>> rows = new HashMap<>();
    for (JsonNode pod : list.path("items")) {
      if (pod.at("/cpu/used").isNumber()) {
        rows.put(
            pod.path("name").asText(),
            List.of(
                pod.at("/cpu/used").asLong() + "m", pod.at("/memory/used").asLong() / MI + "Mi"));
      }
    }
    return rows;
  }

  /** {@code "pod container" → [cpu, memory]}. */
  private static Map<String, List<String>> containerRows(JsonNode list) {
    Map<String, List<String>> rows = new HashMap<>();
    for (JsonNode pod : list.path("items")) {
      for (JsonNode container : pod.path("containers")) {
        if (container.at("/cpu/used").isNumber()) {
          rows.put(
              pod.path("name").asText() + " " + container.path("name").asText(),
              List.of(
                  container.at("/cpu/used").asLong() + "m",
                  container.at("/memory/used").asLong() / MI + "Mi"));
        }
      }
    }
    return rows;
  }

  /** Table lines split on blanks: the first {@code keys} columns (joined) → the rest. */
  private static Map<String, List<String>> rows(String table, int keys) {
    Map<String, List<String>> rows = new HashMap<>();
    for (String line : table.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      String[] cells = line.strip().split("\\s+");
      rows.put(
          String.join(" ", List.of(cells).subList(0, keys)),
          List.of(cells).subList(keys, cells.length));
    }
    return rows;
  }

  /** Each row's metrics timestamp (name → timestamp). */
  private static Map<String, String> timestamps(JsonNode list) {
    Map<String, String> out = new HashMap<>();
    for (JsonNode item : list.path("items")) {
      out.put(item.path("name").asText(), Objects.toString(item.path("timestamp").asText(null)));
    }
    return out;
  }

  /** {@code GET /api/v1/clusters/local<path>} with the API token {@code kubeward login} stored. */
  private static JsonNode api(String path) throws IOException, InterruptedException {
    String token =
        Json.MAPPER
            .readTree(dir.resolve("home/.config/kubeward/cli.json").toFile())
            .path("token")
            .asText();
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url + "/api/v1/clusters/local" + path))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return Json.MAPPER.readTree(response.body());
  }

  private static Run cli(String stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliContext context =
        new CliContext(
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            new BufferedReader(new StringReader(stdin)),
            Map.of("LANG", "en_US.UTF-8"),
            dir.resolve("home/.config/kubeward/cli.json"),
            null,
            Clock.systemUTC());
    int code = KubewardCli.run(args, context);
    System.out.println(
        "$ kubeward " + String.join(" ", args) + "\n" + out + err + "(exit " + code + ")");
    return new Run(code, out.toString(), err.toString());
  }

  private static Run kubectl(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(kubectlBinary().toString());
    command.add("--kubeconfig=" + kubeconfig);
    command.addAll(List.of(args));
    Path outFile = Files.createTempFile(dir, "kubectl-", ".out");
    Path errFile = Files.createTempFile(dir, "kubectl-", ".err");
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(outFile.toFile())
            .redirectError(errFile.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
            .start();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      return new Run(-1, "", "kubectl did not finish in 30 s");
    }
    String out = Files.readString(outFile, StandardCharsets.UTF_8);
    String err = Files.readString(errFile, StandardCharsets.UTF_8);
    System.out.println("$ kubectl " + String.join(" ", args) + "\n" + out + err);
    return new Run(process.exitValue(), out, err);
  }

  /** kubectl 1.33 from the Google Cloud SDK if present (within skew of 1.34), else PATH's. */
  private static Path kubectlBinary() {
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
}
