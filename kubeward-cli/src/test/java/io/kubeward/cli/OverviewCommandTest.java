package io.kubeward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeward.cli.FakeKubeward.Answer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kubeward overview}: the counts, and LOADING while the server still lists (ADR 0057). */
class OverviewCommandTest {

  private static final String PATH = "/api/v1/clusters/local/overview";

  @TempDir Path home;
  private FakeKubeward server;

  @BeforeEach
  void start() throws Exception {
    server = new FakeKubeward();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private Map<String, String> environment(String lang) {
    return Map.of(
        "KUBEWARD_SERVER",
        server.url(),
        "KUBEWARD_TOKEN",
        "kw_secret",
        "KUBEWARD_CLUSTER",
        "local",
        "LANG",
        lang);
  }

  private static String overview(boolean loading, int pods) {
    return """
        {"cluster":"local","kubernetesVersion":"v1.34.4","loading":%s,
         "kinds":[{"kind":"nodes","synced":true,"objects":3},
                  {"kind":"namespaces","synced":true,"objects":4},
                  {"kind":"pods","synced":%s,"objects":%d},
                  {"kind":"deployments","synced":true,"objects":2},
                  {"kind":"services","synced":true,"objects":1}],
         "clusterWide":true,
         "nodes":{"total":3,"ready":2,"notReady":1,"unschedulable":0,"zones":[],"byCondition":{}},
         "pods":{"total":%d,"byPhase":{"Pending":2,"Running":%d,"Succeeded":0},
                 "byProblem":{"CrashLoopBackOff":1,"ImagePullBackOff":0},"withProblems":1},
         "namespaces":4,"deployments":{"total":2,"available":1,"unavailable":1},"services":1}
        """
        .formatted(loading, !loading, pods, pods, pods - 2);
  }

  @Test
  void aLoadingOverviewSaysSoAndNamesWhatIsStillRead() {
    server.on("GET " + PATH, Answer.json(200, overview(true, 12000)));

    CliRun run = CliRun.run(home.resolve("cli.json"), environment("en_US.UTF-8"), "", "overview");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .startsWith("Cluster local (v1.34.4)")
        .contains(
            "LOADING: Kubeward is still reading pods (12,000 so far); the numbers below are not"
                + " complete yet.")
        .contains("Pods:         12,000 (Pending 2, Running 11,998); 1 with problems")
        .contains("Problems:     CrashLoopBackOff 1")
        .contains("Nodes:        3 (2 ready, 1 not ready, 0 unschedulable)")
        .contains("Deployments:  2 (1 available, 1 unavailable)");
  }

  @Test
  void aCompleteOverviewHasNoLoadingLine() {
    server.on("GET " + PATH, Answer.json(200, overview(false, 40)));

    CliRun run = CliRun.run(home.resolve("cli.json"), environment("en_US.UTF-8"), "", "overview");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).doesNotContain("LOADING").contains("Pods:         40 (");
  }

  @Test
  void saysLoadingInChineseToo() {
    server.on("GET " + PATH, Answer.json(200, overview(true, 5)));

    CliRun run = CliRun.run(home.resolve("cli.json"), environment("zh_CN.UTF-8"), "", "overview");

    assertThat(run.out()).contains("加载中：Kubeward 仍在读取 pods（已读取 5 个）；以下数字尚不完整。");
  }

  @Test
  void jsonIsTheServersAnswerWithItsLoadingFlag() {
    server.on("GET " + PATH, Answer.json(200, overview(true, 5)));

    CliRun run =
        CliRun.run(
            home.resolve("cli.json"), environment("en_US.UTF-8"), "", "overview", "-o", "json");

    assertThat(run.out()).contains("\"loading\" : true");
  }
}
