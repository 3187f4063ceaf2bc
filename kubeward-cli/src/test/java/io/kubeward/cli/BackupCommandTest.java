package io.kubeward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubeward.cli.FakeKubeward.Answer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kubeward backup …}: the requests sent and what is printed. */
class BackupCommandTest {

  private static final String NS = "/api/v1/clusters/local/namespaces/shop";
  private static final String VIEW =
      "{\"namespace\":\"shop\",\"name\":\"nightly\",\"phase\":\"PartiallyFailed\","
          + "\"actingFor\":\"kubeward:ana\",\"progress\":{\"done\":12,\"total\":12},"
          + "\"countsByKind\":{\"ConfigMap\":3,\"Deployment.apps\":1},\"failureCount\":1,"
          + "\"failures\":[{\"object\":{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"namespace\":"
          + "\"shop\",\"name\":\"*\"},\"reason\":\"secrets is forbidden\"}],\"skipped\":[],"
          + "\"archive\":{\"location\":\"local\",\"key\":\"backups/local/shop/nightly/archive.zip\","
          + "\"sha256\":\"abc\",\"size\":42},\"conditions\":[]}";

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
  void createSendsTheScopeAndFollowsTheProgressToTheResultPerKind() throws Exception {
    server
        .on("POST " + NS + "/backups", Answer.json(201, VIEW.replace("PartiallyFailed", "New")))
        .on(
            "GET " + NS + "/backups/nightly/progress",
            new Answer(
                200,
                "text/event-stream",
                "event:progress\ndata:{\"phase\":\"InProgress\",\"done\":5,\"total\":12}\n\n"
                    + "event:backup\ndata:"
                    + VIEW
                    + "\n\n",
                Map.of()));
    CliRun run =
        cli(
            "backup",
            "create",
            "nightly",
            "-n",
            "shop",
            "--include-namespaces",
            "shop",
            "--include-resources",
            "configmaps,secrets",
            "--include-secrets",
            "--ttl",
            "720h",
            "--follow");
    assertThat(run.out()).contains("InProgress 5/12", "ConfigMap", "Deployment.apps", "forbidden");
    assertThat(run.exitCode()).isNotZero(); // PartiallyFailed
    JsonNode body = Json.MAPPER.readTree(server.only("POST", NS + "/backups").body());
    assertThat(body.path("name").asText()).isEqualTo("nightly");
    assertThat(body.path("spec").path("ttl").asText()).isEqualTo("720h");
    assertThat(body.path("spec").path("scope").path("resources").toString())
        .isEqualTo("[\"configmaps\",\"secrets\"]");
    assertThat(body.path("spec").path("scope").path("includeSecrets").asBoolean()).isTrue();
  }

  @Test
  void describeVerifyAndDownload() throws Exception {
    server
        .on("GET " + NS + "/backups/nightly", Answer.json(200, VIEW))
        .on(
            "POST " + NS + "/backups/nightly/verify",
            Answer.json(
                200, "{\"ok\":true,\"problems\":[],\"sha256\":\"abc\",\"size\":42,\"objects\":4}"))
        .on(
            "GET " + NS + "/backups/nightly/archive",
            new Answer(200, "application/zip", "PK-fake-zip", Map.of()));
    CliRun describe = cli("backup", "describe", "nightly", "-n", "shop");
    assertThat(describe.exitCode()).as(describe.err()).isZero();
    assertThat(describe.out()).contains("kubeward:ana", "12/12", "ConfigMap", "Secret shop/*");
    CliRun verify = cli("backup", "verify", "nightly", "-n", "shop");
    assertThat(verify.exitCode()).as(verify.err()).isZero();
    assertThat(verify.out()).contains("verified", "4 objects");
    Path target = home.resolve("out.zip");
    CliRun download = cli("backup", "download", "nightly", "-n", "shop", "-o", target.toString());
    assertThat(download.exitCode()).as(download.err()).isZero();
    assertThat(Files.readString(target)).isEqualTo("PK-fake-zip");
  }

  @Test
  void scheduleCreateSendsCronZoneRetentionAndTemplate() throws Exception {
    server.on(
        "POST " + NS + "/backup-schedules",
        Answer.json(201, "{\"name\":\"daily\",\"nextScheduleTime\":\"2027-01-01T00:00:00Z\"}"));
    CliRun run =
        cli(
            "backup",
            "schedule",
            "create",
            "daily",
            "-n",
            "shop",
            "--cron",
            "0 3 * * *",
            "--time-zone",
            "Asia/Shanghai",
            "--keep",
            "7",
            "--include-namespaces",
            "shop");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("2027-01-01T00:00:00Z");
    JsonNode body = Json.MAPPER.readTree(server.only("POST", NS + "/backup-schedules").body());
    assertThat(body.path("spec").path("cron").asText()).isEqualTo("0 3 * * *");
    assertThat(body.path("spec").path("timeZone").asText()).isEqualTo("Asia/Shanghai");
    assertThat(body.path("spec").path("retention").path("count").asInt()).isEqualTo(7);
    assertThat(body.path("spec").path("template").path("scope").path("namespaces").get(0).asText())
        .isEqualTo("shop");
  }

  @Test
  void backupLocationIsTheBackupLocationCommand() {
    server.on(
        "GET /api/v1/backup-locations",
        Answer.json(200, "[{\"name\":\"local\",\"type\":\"LOCAL\",\"prefix\":\"\"}]"));
    CliRun run = cli("backup", "location", "list");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("local");
  }
}
