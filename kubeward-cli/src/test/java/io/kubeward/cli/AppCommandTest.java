package io.kubeward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeward.cli.FakeKubeward.Answer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kubeward app ...}: the requests sent, what is printed and the exit codes. */
class AppCommandTest {

  static final String RELEASES = "/api/v1/clusters/local/helm/releases";
  static final String CHANGE =
      "{\"operation\":\"install\",\"release\":{\"name\":\"web\",\"namespace\":\"shop\","
          + "\"revision\":1,\"status\":\"deployed\",\"chart\":\"demo\",\"chartVersion\":\"0.1.0\","
          + "\"appVersion\":\"1.0.0\",\"updated\":\"t\",\"description\":\"Install complete\"},"
          + "\"hooks\":[{\"name\":\"web-hello\",\"kind\":\"Job\",\"path\":\"p\",\"events\":[],"
          + "\"lastRunPhase\":\"Succeeded\",\"startedAt\":\"\",\"completedAt\":\"\"}],"
          + "\"valuesDiff\":\"\",\"auditId\":42}";

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
  void listPrintsOneRowPerRelease() {
    server.on(
        "GET " + RELEASES,
        Answer.json(
            200,
            "[{\"name\":\"web\",\"namespace\":\"shop\",\"revision\":3,\"status\":\"deployed\","
                + "\"chart\":\"demo\",\"chartVersion\":\"0.1.0\",\"appVersion\":\"1.0.0\","
                + "\"updated\":\"2026-12-04T10:00:00Z\",\"description\":\"\"}]"));
    CliRun run = cli("app", "list", "-n", "shop", "--status", "deployed");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("web", "deployed", "demo-0.1.0", "1.0.0");
    assertThat(server.only("GET", RELEASES).query()).contains("namespace=shop", "status=deployed");
  }

  @Test
  void installUploadsAChartFileWithItsValuesAndPrintsTheHooks() throws Exception {
    Path chart = Files.write(home.resolve("demo-0.1.0.tgz"), new byte[] {0x1f, (byte) 0x8b, 1});
    Path values = Files.writeString(home.resolve("v.yaml"), "greeting: hi\n");
    server.on("POST " + RELEASES, Answer.json(200, CHANGE));
    CliRun run =
        cli(
            "app",
            "install",
            "web",
            "-n",
            "shop",
            "--file",
            chart.toString(),
            "-f",
            values.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("Installed shop/web: revision 1, deployed", "#42");
    assertThat(run.out()).contains("Job/web-hello: Succeeded");
    String body = server.only("POST", RELEASES).body();
    assertThat(body)
        .contains("\"namespace\":\"shop\"", "\"name\":\"web\"", "\"values\":\"greeting: hi\\n\"")
        .contains(Base64.getEncoder().encodeToString(new byte[] {0x1f, (byte) 0x8b, 1}));
  }

  @Test
  void twoChartSourcesAreAUsageErrorAndTheServersRefusalExitsNonZero() {
    CliRun both =
        cli("app", "install", "web", "--repo", "http://h/", "--chart", "x", "--oci", "oci://h/x");
    assertThat(both.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(both.err()).contains("exactly one chart");

    server.on(
        "POST " + RELEASES + "/shop/web/rollback",
        Answer.problem(403, "helm.forbidden", "Kubernetes refused the change"));
    CliRun denied = cli("app", "rollback", "web", "1", "-n", "shop");
    assertThat(denied.exitCode()).isNotZero();
    assertThat(denied.err()).contains("Kubernetes refused");
  }

  @Test
  void upgradeDryRunShowsTheDiffsAndChangesNothing() {
    server.on(
        "POST " + RELEASES + "/shop/web/upgrade/preview",
        Answer.json(
            200,
            "{\"currentRevision\":1,\"chart\":\"demo@0.2.0\",\"valuesDiff\":\"-greeting: hello\\n+greeting: hi\\n\","
                + "\"objects\":[{\"kind\":\"ConfigMap\",\"namespace\":\"shop\",\"name\":\"web-settings\","
                + "\"changed\":true,\"diff\":\"+  greeting: hi\\n\",\"problem\":null}]}"));
    CliRun run =
        cli(
            "app",
            "upgrade",
            "web",
            "-n",
            "shop",
            "--repo",
            "http://h/",
            "--chart",
            "demo",
            "--dry-run");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("+greeting: hi", "+  greeting: hi", "nothing was changed");
    assertThat(server.only("POST", RELEASES + "/shop/web/upgrade/preview").body())
        .contains("\"repository\":\"http://h/\"", "\"chart\":\"demo\"");
  }
}
