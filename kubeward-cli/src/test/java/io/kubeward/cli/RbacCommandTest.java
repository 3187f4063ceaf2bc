package io.kubeward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeward.cli.FakeKubeward.Answer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kubeward rbac ...}: the requests sent, what is printed and the exit codes. */
class RbacCommandTest {

  static final String RBAC = "/api/v1/clusters/local/rbac";

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
  void canISendsTheSubjectAndTheKubectlStyleResourceAndExitsByTheAnswer() {
    server.on(
        "GET " + RBAC + "/can-i",
        Answer.json(
            200,
            "{\"allowed\":true,\"master\":false,\"grantedBy\":[{\"namespace\":\"ci\",\"binding\":"
                + "{\"kind\":\"RoleBinding\",\"namespace\":\"ci\",\"name\":\"bot-scale\"},\"rule\":"
                + "{\"apiGroups\":[\"apps\"],\"resources\":[\"deployments/scale\"],\"verbs\":[\"patch\"]}}]}"));
    CliRun yes =
        cli("rbac", "can-i", "--sa", "ci/bot", "patch", "deployments.apps/scale", "-n", "ci");
    assertThat(yes.exitCode()).as(yes.err()).isZero();
    assertThat(yes.out()).contains("yes").contains("RoleBinding ci/bot-scale");
    String query = server.only("GET", RBAC + "/can-i").query();
    assertThat(query)
        .contains("kind=serviceaccount", "subjectNamespace=ci", "name=bot", "verb=patch")
        .contains("resource=deployments", "apiGroup=apps", "subresource=scale", "namespace=ci");

    server.on("GET " + RBAC + "/can-i", Answer.json(200, "{\"allowed\":false,\"grantedBy\":[]}"));
    CliRun no = cli("rbac", "can-i", "--user", "alice", "--as-group", "devs", "get", "secrets");
    assertThat(no.exitCode()).isEqualTo(ExitCode.REFUSED);
    assertThat(no.out()).contains("no");
  }

  @Test
  void aServiceAccountWithoutNamespaceIsAUsageError() {
    CliRun run = cli("rbac", "rules", "--sa", "bot");
    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("namespace/name");
  }

  @Test
  void whoCanPrintsTheSubjectsWithTheirBindings() {
    server.on(
        "GET " + RBAC + "/who-can",
        Answer.json(
            200,
            "{\"subjects\":[{\"subject\":{\"kind\":\"GROUP\",\"name\":\"devs\",\"namespace\":null},"
                + "\"bindings\":[{\"kind\":\"RoleBinding\",\"namespace\":\"team-a\",\"name\":\"devs-exec\"}]}]}"));
    CliRun run = cli("rbac", "who-can", "create", "pods/exec", "-n", "team-a");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("GROUP devs").contains("RoleBinding team-a/devs-exec");
    assertThat(server.only("GET", RBAC + "/who-can").query())
        .contains("resource=pods", "subresource=exec", "namespace=team-a");
  }
}
