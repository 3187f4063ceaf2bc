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

/** {@code kubeward etcd ...}: the requests sent and what is printed. */
class EtcdCommandTest {

  static final String ETCD = "/api/v1/clusters/local/etcd";
  static final String CONNECTION =
      "{\"cluster\":\"local\",\"endpoints\":[\"https://10.0.0.1:2379\"],\"location\":\"local\","
          + "\"retain\":5,\"clientCertificate\":{\"subject\":\"CN=client\",\"issuer\":\"CN=ca\","
          + "\"sha256Fingerprint\":\"AB:CD\",\"notBefore\":\"2026-01-01T00:00:00Z\","
          + "\"notAfter\":\"2036-01-01T00:00:00Z\"},\"ca\":[],\"keySet\":true,"
          + "\"updatedBy\":\"admin\",\"updatedAt\":\"2026-12-04T07:00:00Z\"}";
  static final String SNAPSHOT =
      "{\"id\":\"20261204T070000Z\",\"cluster\":\"local\",\"location\":\"local\",\"size\":8224,"
          + "\"sha256\":\"abc\",\"revision\":42,\"etcdVersion\":\"3.6.16\","
          + "\"endpoint\":\"https://10.0.0.1:2379\",\"createdAt\":\"2026-12-04T07:00:00Z\"}";

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
  void setSendsThePemFilesAndPrintsNoSecret() throws Exception {
    Path ca = Files.writeString(home.resolve("ca.pem"), "CA-PEM");
    Path cert = Files.writeString(home.resolve("cert.pem"), "CERT-PEM");
    Path key = Files.writeString(home.resolve("key.pem"), "KEY-PEM");
    server.on("PUT " + ETCD, Answer.json(200, CONNECTION));
    CliRun run =
        cli(
            "etcd",
            "set",
            "--endpoint",
            "https://10.0.0.1:2379",
            "--ca",
            ca.toString(),
            "--cert",
            cert.toString(),
            "--key",
            key.toString(),
            "--retain",
            "5");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode body = Json.MAPPER.readTree(server.only("PUT", ETCD).body());
    assertThat(body.get("endpoints").get(0).asText()).isEqualTo("https://10.0.0.1:2379");
    assertThat(body.get("key").asText()).isEqualTo("KEY-PEM");
    assertThat(body.get("retain").asInt()).isEqualTo(5);
    assertThat(body.has("location")).isFalse();
    assertThat(run.out()).contains("CN=client").contains("keeping 5").doesNotContain("KEY-PEM");
  }

  @Test
  void snapshotSaveListAndDelete() {
    server
        .on("POST " + ETCD + "/snapshots", Answer.json(201, SNAPSHOT))
        .on("GET " + ETCD + "/snapshots", Answer.json(200, "[" + SNAPSHOT + "]"))
        .on("DELETE " + ETCD + "/snapshots/20261204T070000Z", new Answer(204, "", "", Map.of()));
    CliRun save = cli("etcd", "snapshot", "save");
    assertThat(save.exitCode()).as(save.err()).isZero();
    assertThat(save.out()).contains("Snapshot 20261204T070000Z saved: 8224 bytes");
    CliRun list = cli("etcd", "snapshot", "list");
    assertThat(list.out()).contains("20261204T070000Z").contains("3.6.16").contains("42");
    CliRun delete = cli("etcd", "snapshot", "delete", "20261204T070000Z");
    assertThat(delete.exitCode()).as(delete.err()).isZero();
    assertThat(delete.out()).contains("Snapshot 20261204T070000Z deleted.");
  }

  @Test
  void aFailedVerificationExitsWithNotSucceeded() {
    server.on(
        "POST " + ETCD + "/snapshots/20261204T070000Z/verify",
        Answer.json(
            200,
            "{\"id\":\"20261204T070000Z\",\"ok\":false,\"recordedSha256\":\"a\",\"actualSha256\":\"b\","
                + "\"size\":1,\"etcdIntegrity\":\"MISMATCH\",\"problems\":[\"the SHA-256 differs\"]}"));
    CliRun run = cli("etcd", "snapshot", "verify", "20261204T070000Z");
    assertThat(run.exitCode()).isEqualTo(ExitCode.NOT_SUCCEEDED);
    assertThat(run.out()).contains("FAILED").contains("the SHA-256 differs");
  }

  @Test
  void downloadWritesTheFile() throws Exception {
    server.on(
        "GET " + ETCD + "/snapshots/20261204T070000Z/download",
        new Answer(
            200, "application/octet-stream", "SNAPSHOT-BYTES", Map.of("X-Checksum-Sha256", "abc")));
    Path target = home.resolve("s.db");
    CliRun run = cli("etcd", "snapshot", "download", "20261204T070000Z", "-o", target.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(Files.readString(target)).isEqualTo("SNAPSHOT-BYTES");
    assertThat(run.out()).contains("sha256 abc");
  }

  @Test
  void notConfiguredIsARefusal() {
    server.on(
        "GET " + ETCD,
        Answer.problem(404, "etcd.not-configured", "No etcd connection is configured"));
    CliRun run = cli("etcd", "get");
    assertThat(run.exitCode()).isEqualTo(ExitCode.REFUSED);
  }
}
