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

/** {@code kubeward backup-location list|create|delete|check}: requests sent and what is printed. */
class BackupLocationCommandTest {

  static final String S3 =
      "{\"name\":\"s3\",\"type\":\"s3\",\"endpoint\":\"http://127.0.0.1:7070\",\"region\":\"us-east-1\","
          + "\"bucket\":\"kubeward\",\"prefix\":\"site/\",\"pathStyle\":true,\"hasCredentials\":true,"
          + "\"allowPrivateAddresses\":true,\"builtIn\":false,\"updatedBy\":\"admin\"}";
  static final String LOCAL =
      "{\"name\":\"local\",\"type\":\"local\",\"directory\":\"/var/lib/kubeward/backups\","
          + "\"prefix\":\"\",\"pathStyle\":false,\"hasCredentials\":false,\"builtIn\":true}";

  @TempDir Path home;
  private FakeKubeward server;
  private Map<String, String> environment;

  @BeforeEach
  void start() throws Exception {
    server = new FakeKubeward();
    environment =
        Map.of(
            "KUBEWARD_SERVER", server.url(), "KUBEWARD_TOKEN", "kw_secret", "LANG", "en_US.UTF-8");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void listPrintsWhereEachLocationIs() {
    server.on("GET /api/v1/backup-locations", Answer.json(200, "[" + LOCAL + "," + S3 + "]"));
    CliRun run = CliRun.run(home.resolve("cli.json"), environment, "", "backup-location", "list");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("local", "/var/lib/kubeward/backups")
        .contains("http://127.0.0.1:7070 kubeward/site/", "set");
  }

  @Test
  void createReadsTheSecretFromStandardInput() throws Exception {
    server.on("POST /api/v1/backup-locations", Answer.json(201, S3));
    CliRun run =
        CliRun.run(
            home.resolve("cli.json"),
            environment,
            "s3cr3t\n",
            "backup-location",
            "create",
            "s3",
            "--bucket",
            "kubeward",
            "--endpoint",
            "http://127.0.0.1:7070",
            "--access-key-id",
            "AKIA",
            "--secret-access-key-stdin",
            "--allow-private-addresses");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("Storage location s3 created");
    JsonNode body = Json.MAPPER.readTree(server.only("POST", "/api/v1/backup-locations").body());
    assertThat(body.get("secretAccessKey").asText()).isEqualTo("s3cr3t");
    assertThat(body.get("accessKeyId").asText()).isEqualTo("AKIA");
    assertThat(body.get("allowPrivateAddresses").asBoolean()).isTrue();
  }

  @Test
  void checkAndDelete() {
    server
        .on(
            "POST /api/v1/backup-locations/s3/check",
            Answer.json(200, "{\"name\":\"s3\",\"ok\":true,\"latencyMillis\":12}"))
        .on("DELETE /api/v1/backup-locations/s3", Answer.json(204, ""));
    CliRun check =
        CliRun.run(home.resolve("cli.json"), environment, "", "backup-location", "check", "s3");
    assertThat(check.exitCode()).as(check.err()).isZero();
    assertThat(check.out()).contains("s3 works", "12 ms");
    CliRun delete =
        CliRun.run(home.resolve("cli.json"), environment, "", "backup-location", "delete", "s3");
    assertThat(delete.exitCode()).as(delete.err()).isZero();
    assertThat(delete.out()).contains("Storage location s3 deleted");
  }

  @Test
  void aFailedCheckShowsTheCause() {
    server.on(
        "POST /api/v1/backup-locations/bad/check",
        Answer.json(
            422,
            "{\"type\":\"about:blank\",\"title\":\"Storage location check failed\",\"status\":422,"
                + "\"detail\":\"The storage location \\\"bad\\\" failed its check: 404 NoSuchBucket\","
                + "\"code\":\"backup.location-check-failed\"}"));
    CliRun run =
        CliRun.run(home.resolve("cli.json"), environment, "", "backup-location", "check", "bad");
    assertThat(run.exitCode()).isNotZero();
    assertThat(run.err()).contains("NoSuchBucket");
  }
}
