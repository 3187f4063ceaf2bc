package io.kubeward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubeward.cli.FakeKubeward.Answer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kubeward restore preview|run|status|list|delete}: the requests sent and the output. */
class RestoreCommandTest {

  private static final String C = "/api/v1/clusters/local";
  private static final String PATH = C + "/namespaces/ops/restores/r1";

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

  private static String view(String phase, int created, int failed) {
    return ("{\"namespace\":\"ops\",\"name\":\"r1\",\"spec\":{\"source\":{\"namespace\":\"ops\","
            + "\"backup\":\"nightly\"}},\"status\":{\"phase\":\"%s\",\"stage\":\"WORKLOADS\","
            + "\"progress\":{\"done\":%d,\"total\":%d},\"counts\":{\"created\":%d,\"updated\":0,"
            + "\"skipped\":0,\"failed\":%d},\"message\":\"%d created\"}}")
        .formatted(phase, created + failed, created + failed, created, failed, created);
  }

  @Test
  void previewSendsTheSpecAndPrintsEachObjectsVerdict() throws Exception {
    server.on(
        "POST " + C + "/restores/preview",
        Answer.json(
            200,
            "{\"archiveSha256\":\"abc\",\"archived\":3,\"selected\":2,\"counts\":{\"CREATE\":1,"
                + "\"CANNOT_RESTORE\":1},\"items\":[{\"source\":{\"kind\":\"ConfigMap\","
                + "\"namespace\":\"shop\",\"name\":\"a\"},\"target\":{\"kind\":\"ConfigMap\","
                + "\"namespace\":\"shop-2\",\"name\":\"a\"},\"verdict\":\"CREATE\"},{\"source\":"
                + "{\"kind\":\"Widget\",\"namespace\":\"shop\",\"name\":\"w\"},\"target\":{},"
                + "\"verdict\":\"CANNOT_RESTORE\",\"reason\":\"no CRD\"}],\"truncated\":false}"));
    CliRun run =
        cli(
            "restore",
            "preview",
            "--backup",
            "ops/nightly",
            "--map",
            "shop=shop-2",
            "-l",
            "app=web",
            "--existing",
            "overwrite");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("CREATE")
        .contains("ConfigMap shop/a")
        .contains("shop-2")
        .contains("no CRD")
        .contains("2 of 3");
    JsonNode spec =
        Json.MAPPER.readTree(server.only("POST", C + "/restores/preview").body()).path("spec");
    assertThat(spec.path("source").path("backup").asText()).isEqualTo("nightly");
    assertThat(spec.path("namespaceMapping").path("shop").asText()).isEqualTo("shop-2");
    assertThat(spec.path("labelSelector").asText()).isEqualTo("app=web");
    assertThat(spec.path("existing").asText()).isEqualTo("Overwrite");
  }

  @Test
  void runFollowsTheProgressAndFailsWithASentenceWhenObjectsFailed() {
    server
        .on("POST " + C + "/namespaces/ops/restores", Answer.json(201, view("Pending", 0, 0)))
        .on(
            "GET " + PATH + "/progress",
            new Answer(
                200,
                "text/event-stream",
                "event:restore\ndata:"
                    + view("Restoring", 1, 0)
                    + "\n\nevent:restore\ndata:"
                    + view("PartiallyFailed", 1, 1)
                    + "\n\n",
                Map.of()))
        .on(
            "GET " + PATH + "/results",
            Answer.json(
                200,
                "{\"items\":[{\"source\":{\"kind\":\"Secret\",\"namespace\":\"ops\",\"name\":\"s\"},"
                    + "\"target\":{\"namespace\":\"ops\"},\"outcome\":\"FAILED\",\"reason\":"
                    + "\"secrets is forbidden\"}],\"total\":1,\"page\":0,\"size\":500}"));
    CliRun run = cli("restore", "run", "r1", "-n", "ops", "--backup", "ops/nightly");
    assertThat(run.exitCode()).isEqualTo(ExitCode.NOT_SUCCEEDED);
    assertThat(run.out()).contains("Restore ops/r1 started").contains("Restoring WORKLOADS 1/1");
    assertThat(run.out()).contains("secrets is forbidden");
    assertThat(run.err()).contains("Restore ops/r1 ended PartiallyFailed");
  }

  @Test
  void aSourceIsRequiredAndMappingsAreChecked() {
    assertThat(cli("restore", "preview").exitCode()).isEqualTo(ExitCode.USAGE);
    CliRun bad = cli("restore", "preview", "--backup", "ops/nightly", "--map", "nonsense");
    assertThat(bad.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(bad.err()).contains("FROM=TO");
    assertThat(server.requests).noneMatch(r -> r.path().endsWith("/preview"));
  }

  @Test
  void listStatusAndDelete() {
    server
        .on("GET " + C + "/restores", Answer.json(200, "[" + view("Completed", 3, 0) + "]"))
        .on("GET " + PATH, Answer.json(200, view("Completed", 3, 0)))
        .on("DELETE " + PATH, Answer.json(204, ""));
    CliRun list = cli("restore", "list");
    assertThat(list.exitCode()).as(list.err()).isZero();
    assertThat(list.out()).contains("ops/nightly").contains("Completed");
    CliRun status = cli("restore", "status", "r1", "-n", "ops");
    assertThat(status.out()).contains("3 created, 0 updated, 0 skipped, 0 failed");
    CliRun delete = cli("restore", "delete", "r1", "-n", "ops");
    assertThat(delete.exitCode()).as(delete.err()).isZero();
    assertThat(delete.out()).contains("deleted");
  }
}
