package io.kubeward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeward.cli.FakeKubeward.Answer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kubeward upgrade-check}: the request, the printed checklist and the exit code. */
class UpgradeCheckCommandTest {

  private static final String PATH = "/api/v1/clusters/local/upgrade-readiness";

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

  private static String report(String overall, String budgetStatus) {
    return """
        {"cluster":"local","controlPlaneVersion":"v1.34.4","current":"1.34","target":"1.35",
         "path":["1.35"],"overall":"%s","overallText":"Verdict text","generatedAt":"2026-12-04T12:00:00Z",
         "steps":[
          {"id":"control-plane-path","number":1,"status":"pass","title":"Control-plane upgrade path",
           "advice":"one at a time","findings":[{"status":"pass","code":"one-minor","subject":"1.34",
           "text":"The control plane moves from 1.34 to 1.35"}]},
          {"id":"disruption-budgets","number":5,"status":"%s","title":"Disruption budgets",
           "advice":"Raise replicas","findings":[{"status":"%s","code":"pdb-max-unavailable-zero",
           "subject":"shop/web","text":"The budget shop/web sets maxUnavailable to 0"}]}]}
        """
        .formatted(overall, budgetStatus, budgetStatus);
  }

  @Test
  void printsTheStepsAndExitsNonZeroWhenOneFails() {
    server.on("GET " + PATH, Answer.json(200, report("fail", "fail")));

    CliRun run =
        CliRun.run(home.resolve("cli.json"), environment, "", "upgrade-check", "--target", "1.35");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.NOT_SUCCEEDED);
    assertThat(run.out())
        .contains("control plane v1.34.4, target 1.35, path 1.35")
        .contains("5. [FAIL] Disruption budgets")
        .contains("[FAIL] The budget shop/web sets maxUnavailable to 0")
        .contains("-> Raise replicas")
        .contains("Verdict text");
    assertThat(server.only("GET", PATH).query()).isEqualTo("target=1.35");
  }

  @Test
  void exitsZeroWhenNothingFails() {
    server.on("GET " + PATH, Answer.json(200, report("warn", "warn")));

    CliRun run = CliRun.run(home.resolve("cli.json"), environment, "", "upgrade-check");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("[WARN]");
    assertThat(server.only("GET", PATH).query()).isNull();
  }
}
