package io.kubeward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeward.cli.FakeKubeward.Answer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kubeward team create|list} and {@code kubeward quota preview|apply}. */
class TenancyCommandsTest {

  private static final String C = "/api/v1/clusters/local/tenancy";

  @TempDir Path home;
  private FakeKubeward server;
  private Map<String, String> environment;

  @BeforeEach
  void start() throws Exception {
    server = new FakeKubeward();
    server.on(
        "GET /api/v1/clusters", Answer.json(200, "[{\"name\":\"local\",\"defaultCluster\":true}]"));
    environment =
        Map.of(
            "KUBEWARD_SERVER", server.url(), "KUBEWARD_TOKEN", "kw_secret", "LANG", "en_US.UTF-8");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private CliRun cli(String... args) {
    return CliRun.run(home.resolve("cli.json"), environment, "", args);
  }

  @Test
  void teamCreateSendsTheTeamAndPrintsTheObjects() {
    server.on(
        "POST " + C + "/spaces",
        Answer.json(
            200,
            "{\"namespace\":\"shop\",\"template\":\"standard\",\"dryRun\":false,"
                + "\"objects\":[\"Namespace/shop\",\"RoleBinding/team-edit\"],\"auditId\":7}"));
    CliRun run = cli("team", "create", "shop", "--user", "alice", "--quota", "pods=5");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("shop").contains("#7").contains("RoleBinding/team-edit");
    assertThat(server.requests)
        .anyMatch(
            r ->
                r.path().equals(C + "/spaces")
                    && r.body().contains("\"users\":[\"alice\"]")
                    && r.body().contains("\"pods\":\"5\""));
  }

  @Test
  void quotaPreviewPrintsTheViolationsAndFailsWhenThereAreAny() {
    server.on(
        "POST " + C + "/namespaces/shop/quota/preview",
        Answer.json(
            200,
            "{\"namespace\":\"shop\",\"podsChecked\":2,\"violations\":[{\"workload\":"
                + "\"Deployment/big\",\"resource\":\"requests.cpu\",\"rule\":\"quota-pod-too-large\","
                + "\"en\":\"Deployment/big: one pod needs 2000m\",\"zh\":\"x\"}]}"));
    CliRun run = cli("quota", "preview", "shop", "--hard", "requests.cpu=1");
    assertThat(run.exitCode()).isEqualTo(ExitCode.NOT_SUCCEEDED);
    assertThat(run.out()).contains("- Deployment/big: one pod needs 2000m");
  }
}
