package io.kubeward.server.etcd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.audit.app.AuditedAction;
import io.kubeward.backup.app.ArchiveStore;
import io.kubeward.backup.app.ArchiveStores;
import io.kubeward.etcd.app.EtcdSnapshotter;
import io.kubeward.etcd.app.ManageEtcdConnections;
import io.kubeward.etcd.app.ManageEtcdSnapshots;
import io.kubeward.etcd.app.ScheduledEtcdSnapshots;
import io.kubeward.server.RunningServer;
import io.kubeward.testkit.Kubectl;
import io.kubeward.testkit.controlplane.ControlPlane;
import io.kubeward.testkit.controlplane.ControlPlaneOptions;
import io.kubeward.testkit.controlplane.FakeNode;
import io.kubeward.testkit.etcd.Etcdutl;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * etcd snapshots end to end (issue 16, ADR 0043) on a control plane of its own whose etcd serves
 * TLS with client certificates: an administrator configures the connection through the API (an
 * operator may not), saves, lists, verifies, downloads, prunes by retention and deletes snapshots;
 * a corrupted stored snapshot fails verification; a client certificate etcd does not trust gives a
 * clear TLS problem. Then the test: the downloaded snapshot is restored with etcdutl (same
 * etcd version) into a fresh data directory, a second control plane starts on it, and kubectl lists
 * the namespace and ConfigMaps created before the snapshot.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EtcdSnapshotIT {

  static final String NS = "etcd-it";
  static final String ETCD = "/api/v1/clusters/local/etcd";

  static ControlPlane controlPlane;
  static RunningServer server;
  static RunningServer.Session admin;
  static String adminToken;
  static Path downloaded;
  static String downloadedId;

  @TempDir static Path work;

  @BeforeAll
  static void start() {
    controlPlane =
        ControlPlane.start(
            ControlPlaneOptions.builder()
                .etcdTls(true)
                .nodes(List.of(FakeNode.inZone("kwok-etcd-node-0", "zone-a")))
                .build());
    server =
        RunningServer.start(
            "--kubeconfig",
            controlPlane.kubewardKubeconfig().toString(),
            "--kubeward.cluster-name=local",
            "--kubeward.etcd.default-retain=2");
    admin = server.admin();
    adminToken = admin.createToken("etcd-it", 1);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    if (controlPlane != null) {
      controlPlane.close();
    }
  }

  static Map<String, Object> connection(Path cert, Path key) throws IOException {
    ControlPlane.EtcdClientTls tls = controlPlane.etcdClientTls();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("endpoints", List.of(controlPlane.etcdEndpoint()));
    body.put("ca", Files.readString(tls.caCert()));
    body.put("cert", Files.readString(cert));
    body.put("key", Files.readString(key));
    return body;
  }

  @Test
  @Order(1)
  void onlyAdministratorsConfigureEtcd() throws IOException {
    ControlPlane.EtcdClientTls tls = controlPlane.etcdClientTls();
    RunningServer.Session operator =
        server.newUser(
            "etcd-operator",
            List.of(Map.of("role", "operator", "cluster", "local", "namespace", "*")));
    var refused = operator.put(ETCD, connection(tls.clientCert(), tls.clientKey()));
    assertThat(refused.status()).isEqualTo(403);
    assertThat(operator.get(ETCD).status()).isEqualTo(403);
    assertThat(operator.post(ETCD + "/snapshots", Map.of()).status()).isEqualTo(403);
    assertThat(admin.get(ETCD).problemCode()).isEqualTo("etcd.not-configured");
    // a plain-http endpoint is refused before anything is stored
    Map<String, Object> plain = connection(tls.clientCert(), tls.clientKey());
    plain.put("endpoints", List.of("http://127.0.0.1:2379"));
    var invalid = admin.put(ETCD, plain);
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.problemCode()).isEqualTo("etcd.invalid");
  }

  @Test
  @Order(2)
  void aClientCertificateEtcdDoesNotTrustIsAClearTlsProblem() throws IOException {
    ControlPlane.EtcdClientTls tls = controlPlane.etcdClientTls();
    var set = admin.put(ETCD, connection(tls.strangerCert(), tls.strangerKey()));
    assertThat(set.status()).as(set.body()).isEqualTo(200);
    var refused = admin.post(ETCD + "/snapshots", Map.of());
    assertThat(refused.status()).as(refused.body()).isEqualTo(422);
    assertThat(refused.problemCode()).isEqualTo("etcd.tls-failed");
    assertThat(refused.json().path("detail").asString()).contains("TLS").contains("certificate");
  }

  @Test
  @Order(3)
  void snapshotsAreSavedListedVerifiedDownloadedPrunedAndDeleted() throws Exception {
    ControlPlane.EtcdClientTls tls = controlPlane.etcdClientTls();
    var set = admin.put(ETCD, connection(tls.clientCert(), tls.clientKey()));
    assertThat(set.status()).as(set.body()).isEqualTo(200);
    assertThat(set.body()).doesNotContain("BEGIN");
    assertThat(set.json().path("retain").asInt()).isEqualTo(2);
    assertThat(set.json().path("keySet").asBoolean()).isTrue();
    assertThat(set.json().path("clientCertificate").path("subject").asString())
        .contains("kube-apiserver-etcd-client");
    assertThat(admin.get(ETCD).body()).doesNotContain("BEGIN");

    KubernetesClient kube = controlPlane.newAdminClient();
    kube.namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build())
        .create();
    for (String name : List.of("before-snapshot-a", "before-snapshot-b")) {
      kube.configMaps()
          .inNamespace(NS)
          .resource(
              new ConfigMapBuilder()
                  .withNewMetadata()
                  .withName(name)
                  .endMetadata()
                  .addToData("saved", name)
                  .build())
          .create();
    }

    JsonNode first = save();
    String id = first.path("id").asString();
    assertThat(id).matches("\\d{8}T\\d{6}Z");
    assertThat(first.path("size").asLong()).isPositive();
    assertThat(first.path("sha256").asString()).hasSize(64);
    assertThat(first.path("revision").asLong()).isPositive();
    assertThat(first.path("etcdVersion").asString()).isEqualTo("3.6.16");

    var list = admin.get(ETCD + "/snapshots");
    assertThat(ids(list.json())).containsExactly(id);

    var verified = admin.post(ETCD + "/snapshots/" + id + "/verify", Map.of());
    assertThat(verified.status()).as(verified.body()).isEqualTo(200);
    assertThat(verified.json().path("ok").asBoolean()).isTrue();
    assertThat(verified.json().path("etcdIntegrity").asString()).isEqualTo("OK");

    // download: the bytes whose SHA-256 was recorded
    downloaded = work.resolve("snapshot.db");
    HttpResponse<Path> download =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(server.url(ETCD + "/snapshots/" + id + "/download")))
                    .header("Authorization", "Bearer " + adminToken)
                    .timeout(Duration.ofMinutes(2))
                    .build(),
                HttpResponse.BodyHandlers.ofFile(downloaded));
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.headers().firstValue("X-Checksum-Sha256"))
        .contains(first.path("sha256").asString());
    assertThat(sha256(downloaded)).isEqualTo(first.path("sha256").asString());
    downloadedId = id;

    // a corrupted stored snapshot fails verification (a second one: the first is restored below)
    JsonNode second = save();
    String corruptId = second.path("id").asString();
    ArchiveStore store = server.context().getBean(ArchiveStores.class).store("local");
    byte[] bytes = Files.readAllBytes(downloaded);
    bytes[bytes.length / 2] ^= 0x5A;
    try (ArchiveStore.Upload upload = store.create("etcd/local/" + corruptId + ".db")) {
      OutputStream out = upload.stream();
      out.write(bytes);
    }
    var failed = admin.post(ETCD + "/snapshots/" + corruptId + "/verify", Map.of());
    assertThat(failed.status()).isEqualTo(200);
    assertThat(failed.json().path("ok").asBoolean()).isFalse();
    assertThat(failed.json().path("etcdIntegrity").asString()).isEqualTo("MISMATCH");
    assertThat(failed.json().path("problems").toString()).contains("SHA-256");

    // retention 2: a third snapshot prunes the oldest (the downloaded one, kept on disk)
    JsonNode third = save();
    assertThat(ids(admin.get(ETCD + "/snapshots").json()))
        .containsExactly(third.path("id").asString(), corruptId);
    assertThat(admin.get(ETCD + "/snapshots/" + id).status()).isEqualTo(404);

    var deleted = admin.delete(ETCD + "/snapshots/" + corruptId);
    assertThat(deleted.status()).isEqualTo(204);
    assertThat(ids(admin.get(ETCD + "/snapshots").json()))
        .containsExactly(third.path("id").asString());
    assertThat(admin.get(ETCD + "/snapshots/" + corruptId).problemCode())
        .isEqualTo("etcd.snapshot-not-found");

    // every change audited
    for (String verb :
        List.of(
            "etcd.configure",
            "etcd.snapshot.save",
            "etcd.snapshot.verify",
            "etcd.snapshot.download",
            "etcd.snapshot.delete")) {
      assertThat(admin.get("/api/v1/audit?limit=500&verb=" + verb).body()).contains(verb);
    }
  }

  /**
   * The test: etcdutl restores the snapshot into a fresh data directory, a second control
   * plane starts on it, and kubectl lists what was there before the snapshot.
   */
  @Test
  @Order(4)
  void aRestoredSnapshotServesTheSameObjectsToKubectl() {
    assertThat(downloaded).as("the snapshot downloaded by the previous test").isNotNull();
    Etcdutl etcdutl = Etcdutl.locate();
    assertThat(etcdutl.status(downloaded)).contains("\"revision\"");
    Path dataDir = work.resolve("restored-etcd");
    etcdutl.restore(downloaded, dataDir);
    try (ControlPlane restored =
        ControlPlane.start(
            ControlPlaneOptions.builder().etcdData(dataDir).nodes(List.of()).build())) {
      Kubectl kubectl = new Kubectl(restored.kubeconfig(), work);
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () ->
                  assertThat(kubectl.run("get", "configmaps", "-n", NS, "-o", "name"))
                      .contains("configmap/before-snapshot-a", "configmap/before-snapshot-b"));
      assertThat(kubectl.run("get", "namespace", NS, "-o", "name")).contains("namespace/" + NS);
      assertThat(
              kubectl.run(
                  "get",
                  "configmap",
                  "before-snapshot-a",
                  "-n",
                  NS,
                  "-o",
                  "jsonpath={.data.saved}"))
          .isEqualTo("before-snapshot-a");
    }
  }

  /**
   * The schedule at its cron time with an injected clock: the real etcd, storage and audit, the use
   * case built with a clock the test moves (ids follow it). Missed fires give one snapshot;
   * retention applies.
   */
  @Test
  @Order(5)
  void theScheduleSnapshotsAtItsCronTimeWithAnInjectedClock() {
    var context = server.context();
    MovingClock clock = new MovingClock(Instant.parse("2030-01-01T02:59:00Z"));
    ManageEtcdSnapshots snapshots =
        new ManageEtcdSnapshots(
            context.getBean(ManageEtcdConnections.class),
            context.getBean(EtcdSnapshotter.class),
            context.getBean(ArchiveStores.class),
            context.getBean(AuditedAction.class),
            clock);
    ScheduledEtcdSnapshots schedule =
        new ScheduledEtcdSnapshots(snapshots, EtcdWiring.nextAfter("0 0 3 * * *"), clock);

    assertThat(schedule.next()).isEqualTo(Instant.parse("2030-01-01T03:00:00Z"));
    assertThat(schedule.tick()).isNull();
    clock.advance(Duration.ofMinutes(1));
    assertThat(schedule.tick().saved()).containsExactly("local/20300101T030000Z");
    assertThat(schedule.tick()).isNull();
    // three days without a tick: one snapshot, not three
    clock.advance(Duration.ofDays(3));
    var fire = schedule.tick();
    assertThat(fire.saved()).containsExactly("local/20300104T030000Z");
    assertThat(fire.failed()).isEmpty();
    // retention 2: the two scheduled ones are what is left, and they verify
    assertThat(ids(admin.get(ETCD + "/snapshots").json()))
        .containsExactly("20300104T030000Z", "20300101T030000Z");
    var verified = admin.post(ETCD + "/snapshots/20300104T030000Z/verify", Map.of());
    assertThat(verified.json().path("ok").asBoolean()).as(verified.body()).isTrue();
    assertThat(admin.get("/api/v1/audit?limit=500&verb=etcd.snapshot.save").body())
        .contains("controller:etcd-snapshots");
  }

  /** A clock the test moves. */
  static final class MovingClock extends Clock {
    private Instant now;

    MovingClock(Instant start) {
      this.now = start;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public synchronized Instant instant() {
      return now;
    }

    synchronized void advance(Duration duration) {
      now = now.plus(duration);
    }
  }

  /** Saves a snapshot; ids are whole UTC seconds, so a save in the same second is retried. */
  static JsonNode save() {
    JsonNode[] saved = new JsonNode[1];
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () -> {
              var response = admin.post(ETCD + "/snapshots", Map.of());
              if (response.status() == 409
                  && "etcd.snapshot-exists".equals(response.problemCode())) {
                return false;
              }
              assertThat(response.status()).as(response.body()).isEqualTo(201);
              saved[0] = response.json();
              return true;
            });
    return saved[0];
  }

  static List<String> ids(JsonNode list) {
    return StreamSupport.stream(list.spliterator(), false)
        .map(s -> s.path("id").asString())
        .toList();
  }

  static String sha256(Path file) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }

  static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
