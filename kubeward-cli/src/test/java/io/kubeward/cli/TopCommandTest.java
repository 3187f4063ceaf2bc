package io.kubeward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeward.cli.FakeKubeward.Answer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kubeward top}: requests, kubectl-like columns and units, and no metrics. */
class TopCommandTest {

  private static final String NODES = "/api/v1/clusters/local/usage/nodes";
  private static final String PODS = "/api/v1/clusters/local/usage/pods";
  private static final long MI = 1024 * 1024;

  @TempDir Path home;
  private FakeKubeward server;
  private Map<String, String> environment;

  @BeforeEach
  void start() throws Exception {
    server = new FakeKubeward();
    environment =
        Map.of(
            "KUBEWARD_SERVER", server.url(),
            "KUBEWARD_TOKEN", "kw_secret",
            "KUBEWARD_CLUSTER", "local",
            "LANG", "en_US.UTF-8");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private CliRun cli(String... args) {
    return CliRun.run(home.resolve("cli.json"), environment, "", args);
  }

  private static String amount(Long used, long allocatable) {
    return "{\"used\":%s,\"requested\":0,\"limits\":0,\"allocatable\":%d,\"usedPercent\":null}"
        .formatted(used, allocatable);
  }

  @Test
  void topNodesPrintsKubectlColumnsInKubernetesUnits() {
    server.on(
        "GET " + NODES,
        Answer.json(
            200,
            """
            {"cluster":"local","source":{"kind":"metrics-api"},"sampledAt":"2026-12-03T10:00:00Z",
             "items":[
              {"name":"kwok-1","ready":true,"cpu":%s,"memory":%s},
              {"name":"kwok-2","ready":true,"cpu":%s,"memory":%s},
              {"name":"new","ready":true,"cpu":%s,"memory":%s}]}
            """
                .formatted(
                    amount(250L, 2000),
                    amount(1536 * MI + 5, 4096 * MI),
                    amount(1999L, 2000),
                    amount(100 * MI, 4096 * MI),
                    amount(null, 2000),
                    amount(null, 4096 * MI))));

    CliRun run = cli("top", "nodes", "--sort-by", "cpu");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out().lines())
        .containsExactly(
            "NAME     CPU(cores)   CPU(%)      MEMORY(bytes)   MEMORY(%)",
            "kwok-2   1999m        99%         100Mi           2%",
            "kwok-1   250m         12%         1536Mi          37%",
            "new      <unknown>    <unknown>   <unknown>       <unknown>");
    assertThat(server.only("GET", NODES).header("Authorization")).isEqualTo("Bearer kw_secret");
  }

  @Test
  void topPodsAsksForTheNamespaceAndSelectorAndPrintsContainers() {
    server.on(
        "GET " + PODS,
        Answer.json(
            200,
            """
            {"cluster":"local","source":{"kind":"metrics-api"},"sampledAt":"2026-12-03T10:00:00Z",
             "total":2,"continue":null,"items":[
              {"namespace":"shop","name":"web-1","cpu":{"used":101},"memory":{"used":%d},
               "containers":[{"name":"app","cpu":{"used":100},"memory":{"used":%d}},
                             {"name":"side","cpu":{"used":1},"memory":{"used":%d}}]},
              {"namespace":"shop","name":"pending","cpu":{"used":null},"memory":{"used":null},
               "containers":[]}]}
            """
                .formatted(210 * MI, 200 * MI, 10 * MI)));

    CliRun pods = cli("top", "pods", "-n", "shop", "-l", "app=web");
    CliRun containers = cli("top", "pods", "-A", "--containers");

    assertThat(pods.exitCode()).as(pods.err()).isZero();
    assertThat(pods.out().lines())
        .containsExactly("NAME    CPU(cores)   MEMORY(bytes)", "web-1   101m         210Mi");
    assertThat(server.requests.get(0).query())
        .isEqualTo("limit=500&sort=name&namespace=shop&labelSelector=app%3Dweb");
    assertThat(containers.out().lines())
        .containsExactly(
            "NAMESPACE   POD     NAME   CPU(cores)   MEMORY(bytes)",
            "shop        web-1   app    100m         200Mi",
            "shop        web-1   side   1m           10Mi");
    assertThat(server.requests.get(1).query()).isEqualTo("limit=500&sort=name");
  }

  @Test
  void withoutAMetricsSourceTopSaysWhyAndExitsNonZero() {
    server.on(
        "GET " + NODES,
        Answer.json(
            200,
            """
            {"cluster":"local","source":{"kind":"none","reason":"not-installed",
              "message":"This cluster has no metrics API. Install metrics-server with: kubectl apply -f x",
              "installHint":"kubectl apply -f x"},"sampledAt":null,"items":[]}
            """));

    CliRun run = cli("top", "nodes");
    CliRun json = cli("top", "nodes", "-o", "json");

    assertThat(run.exitCode()).isEqualTo(ExitCode.NO_METRICS);
    assertThat(run.err().strip())
        .isEqualTo(
            "This cluster has no metrics API. Install metrics-server with: kubectl apply -f x");
    assertThat(run.out()).isEmpty();
    assertThat(json.exitCode()).isEqualTo(ExitCode.NO_METRICS);
    assertThat(json.out()).contains("\"kind\" : \"none\"");
  }

  @Test
  void namespaceAndAllNamespacesExcludeEachOther() {
    CliRun run = cli("top", "pods", "-n", "a", "-A");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(server.requests).isEmpty();
  }
}
