package io.kubeward.server.backup.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeward.backup.app.ArchiveKeys;
import io.kubeward.backup.app.ArchiveSpool;
import io.kubeward.backup.app.ArchiveStore;
import io.kubeward.backup.app.ArchiveStores;
import io.kubeward.backup.app.Uploads;
import io.kubeward.backup.domain.BackupScope;
import io.kubeward.backup.domain.ObjectRef;
import io.kubeward.backup.domain.StoredFile;
import io.kubeward.backup.domain.archive.ArchiveHeader;
import io.kubeward.backup.domain.archive.ArchiveReader;
import io.kubeward.backup.domain.archive.ArchiveWriter;
import io.kubeward.backup.domain.archive.Manifest;
import io.kubeward.backup.domain.archive.Verification;
import io.kubeward.server.OfflineCluster;
import io.kubeward.server.RunningServer;
import io.kubeward.testkit.s3.LocalS3;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Storage locations end to end (ADR 0040): a real S3-compatible server on loopback (LocalS3,
 * versitygw) and the local folder: a large file streamed in parts appears whole only when complete,
 * reads back identical, lists, stats and deletes; an archive written to S3 verifies; a bad
 * location's check answers 422 with the cause; credentials are never shown; only administrators may
 * see or change locations.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArchiveStorageIT {

  static final String LOCATIONS = "/api/v1/backup-locations";
  static final int FILE_SIZE = 23 * 1024 * 1024 + 12345; // five 5MB parts and a short one

  LocalS3 s3;
  RunningServer server;

  @BeforeAll
  void start() {
    s3 = LocalS3.start();
    s3.createBucket("kubeward");
    byte[] key = new byte[32];
    new Random(7).nextBytes(key);
    server =
        RunningServer.start(
            "--kubeconfig",
            OfflineCluster.kubeconfig("offline").toString(),
            "--kubeward.backups.s3.part-size=5MB",
            "--kubeward.backups.encryption.keys.k1=" + Base64.getEncoder().encodeToString(key));
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
    if (s3 != null) {
      s3.close();
    }
  }

  @BeforeEach
  void clean() {
    for (JsonNode l : server.admin().get(LOCATIONS).json()) {
      if (!l.path("builtIn").asBoolean()) {
        server.admin().delete(LOCATIONS + "/" + l.path("name").asString());
      }
    }
  }

  Map<String, Object> location(String name, String bucket, String secret, boolean allowPrivate) {
    Map<String, Object> body = new HashMap<>();
    body.put("name", name);
    body.put("type", "s3");
    body.put("endpoint", s3.endpoint());
    body.put("region", s3.region());
    body.put("bucket", bucket);
    body.put("prefix", "site-a");
    body.put("accessKeyId", s3.accessKey());
    body.put("secretAccessKey", secret);
    body.put("allowPrivateAddresses", allowPrivate);
    return body;
  }

  ArchiveStores stores() {
    return server.context().getBean(ArchiveStores.class);
  }

  @Test
  void aLargeFileRoundTripsThroughS3AndTheLocalFolder() throws Exception {
    RunningServer.Response created =
        server.admin().post(LOCATIONS, location("s3", "kubeward", s3.secretKey(), true));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().path("prefix").asString()).isEqualTo("site-a/");
    assertThat(created.json().path("pathStyle").asBoolean()).isTrue();
    RunningServer.Response check = server.admin().post(LOCATIONS + "/s3/check", Map.of());
    assertThat(check.status()).as(check.body()).isEqualTo(200);
    assertThat(check.json().path("ok").asBoolean()).isTrue();
    assertThat(server.admin().post(LOCATIONS + "/local/check", Map.of()).status()).isEqualTo(200);

    for (String name : List.of("s3", "local")) {
      roundTrip(stores().store(name));
    }
  }

  void roundTrip(ArchiveStore store) throws Exception {
    String key = "backups/offline/shop/nightly/archive.zip";
    MessageDigest written = MessageDigest.getInstance("SHA-256");
    ArchiveStore.Upload upload = store.create(key);
    byte[] chunk = new byte[64 * 1024];
    Random random = new Random(42);
    OutputStream out = upload.stream();
    for (int sent = 0; sent < FILE_SIZE; ) {
      int n = Math.min(chunk.length, FILE_SIZE - sent);
      random.nextBytes(chunk);
      out.write(chunk, 0, n);
      written.update(chunk, 0, n);
      sent += n;
      if (sent > FILE_SIZE / 2 && sent - n <= FILE_SIZE / 2) {
        // halfway (parts already sent): the file is not there yet
        assertThat(store.stat(key)).as(store.location()).isEmpty();
        assertThat(store.list("backups/", 10)).as(store.location()).isEmpty();
      }
    }
    upload.close();

    StoredFile stat = store.stat(key).orElseThrow();
    assertThat(stat.size()).isEqualTo(FILE_SIZE);
    MessageDigest read = MessageDigest.getInstance("SHA-256");
    try (InputStream in = store.open(key).orElseThrow()) {
      byte[] buffer = new byte[64 * 1024];
      int n;
      while ((n = in.read(buffer)) >= 0) {
        read.update(buffer, 0, n);
      }
    }
    assertThat(HexFormat.of().formatHex(read.digest()))
        .isEqualTo(HexFormat.of().formatHex(written.digest()));

    Uploads.write(store, "backups/offline/shop/nightly/archive.zip.sha256", new byte[] {'x'});
    ArchiveStore.Upload aborted = store.create("backups/offline/shop/other/archive.zip");
    aborted.stream().write(new byte[6 * 1024 * 1024]);
    aborted.abort();
    assertThat(store.list("backups/offline/", 10))
        .extracting(StoredFile::key)
        .containsExactly(
            "backups/offline/shop/nightly/archive.zip",
            "backups/offline/shop/nightly/archive.zip.sha256");
    assertThat(store.list("backups/offline/", 1)).hasSize(1);

    store.delete(key);
    store.delete("backups/offline/shop/nightly/archive.zip.sha256");
    store.delete(key);
    assertThat(store.stat(key)).isEmpty();
    assertThat(store.open(key)).isEmpty();
    assertThat(store.list("backups/", 10)).isEmpty();
  }

  @Test
  void anArchiveWrittenToS3VerifiesAndReadsBack() throws Exception {
    assertThat(
            server
                .admin()
                .post(LOCATIONS, location("s3", "kubeward", s3.secretKey(), true))
                .status())
        .isEqualTo(201);
    ArchiveStore store = stores().store("s3");
    ArchiveKeys keys = server.context().getBean(ArchiveKeys.class);
    String key = "backups/offline/shop/b1/archive.zip";
    String sha =
        Uploads.write(
            store,
            key,
            out -> {
              try (ArchiveWriter w = new ArchiveWriter(out, keys.sealer())) {
                for (int i = 0; i < 500; i++) {
                  w.add(
                      new ObjectRef("v1", "ConfigMap", "shop", "cm-" + i),
                      Map.of(
                          "apiVersion",
                          "v1",
                          "kind",
                          "ConfigMap",
                          "metadata",
                          Map.of("name", "cm-" + i, "namespace", "shop", "uid", "u"),
                          "data",
                          Map.of("i", "" + i)));
                }
                w.add(
                    new ObjectRef("v1", "Secret", "shop", "db"),
                    Map.of(
                        "apiVersion",
                        "v1",
                        "kind",
                        "Secret",
                        "metadata",
                        Map.of("name", "db", "namespace", "shop"),
                        "data",
                        Map.of("password", "aHVudGVyMg==")));
                w.finish(
                    new ArchiveHeader(
                        "offline",
                        "v1.34.0",
                        "shop",
                        "b1",
                        Instant.now(),
                        new BackupScope(null, null, null, null, null, null, null, true)));
                return w.sha256();
              }
            });
    try (InputStream in = store.open(key).orElseThrow()) {
      Verification v = ArchiveReader.verify(in, sha);
      assertThat(v.problems()).isEmpty();
      assertThat(v.manifest().objectCount()).isEqualTo(501);
    }
    ArchiveSpool spool = server.context().getBean(ArchiveSpool.class);
    try (ArchiveSpool.Spooled spooled = spool.spool(store, key);
        ArchiveReader reader = new ArchiveReader(spooled.file(), keys.sealer())) {
      assertThat(spooled.sha256()).isEqualTo(sha);
      Manifest m = reader.manifest();
      assertThat(m.keyId()).isEqualTo("k1");
      assertThat(reader.read(m.entries().getLast()).get("data"))
          .isEqualTo(Map.of("password", "aHVudGVyMg=="));
    }
    // in the bucket, under the location's prefix
    assertThat(s3.dataDir().resolve("kubeward/site-a/" + key)).isRegularFile();
    store.delete(key);
  }

  @Test
  void aBadLocationFailsItsCheckWithTheCause() {
    assertThat(
            server
                .admin()
                .post(LOCATIONS, location("nobucket", "no-such-bucket", s3.secretKey(), true))
                .status())
        .isEqualTo(201);
    RunningServer.Response missing = server.admin().post(LOCATIONS + "/nobucket/check", Map.of());
    assertThat(missing.status()).isEqualTo(422);
    assertThat(missing.problemCode()).isEqualTo("backup.location-check-failed");
    assertThat(missing.json().path("cause").asString()).contains("NoSuchBucket");

    assertThat(
            server
                .admin()
                .post(LOCATIONS, location("wrongkey", "kubeward", "not-the-secret", true))
                .status())
        .isEqualTo(201);
    RunningServer.Response wrong = server.admin().post(LOCATIONS + "/wrongkey/check", Map.of());
    assertThat(wrong.status()).isEqualTo(422);
    assertThat(wrong.json().path("cause").asString()).containsIgnoringCase("signature");

    RunningServer.Response unknown = server.admin().post(LOCATIONS + "/nothing/check", Map.of());
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.problemCode()).isEqualTo("backup.location-not-found");

    JsonNode audit = server.admin().get("/api/v1/audit?verb=backup-location.check").json();
    assertThat(audit.toString()).contains("nobucket", "wrongkey");
  }

  @Test
  void credentialsAreEncryptedAndNeverShown() {
    String secret = s3.secretKey();
    RunningServer.Response created =
        server.admin().post(LOCATIONS, location("s3", "kubeward", secret, true));
    assertThat(created.body()).doesNotContain(secret).doesNotContain(s3.accessKey());
    assertThat(created.json().path("hasCredentials").asBoolean()).isTrue();
    RunningServer.Response list = server.admin().get(LOCATIONS);
    assertThat(list.json().get(0).path("name").asString()).isEqualTo("local");
    assertThat(list.json().get(0).path("builtIn").asBoolean()).isTrue();
    assertThat(list.json().get(1).path("name").asString()).isEqualTo("s3");
    assertThat(list.body()).doesNotContain(secret);
    assertThat(server.admin().get(LOCATIONS + "/s3").body()).doesNotContain(secret);
    String stored =
        server
            .context()
            .getBean(JdbcClient.class)
            .sql("SELECT credentials_encrypted FROM kubeward_backup_location WHERE name = 's3'")
            .query(String.class)
            .single();
    assertThat(stored).startsWith("v1:").doesNotContain(secret);
    JsonNode audit = server.admin().get("/api/v1/audit?verb=backup-location.create").json();
    assertThat(audit.toString()).doesNotContain(secret).contains("credentials=(set)");
  }

  @Test
  void loopbackEndpointsNeedAllowPrivateAddresses() {
    RunningServer.Response refused =
        server.admin().post(LOCATIONS, location("s3", "kubeward", s3.secretKey(), false));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.problemCode()).isEqualTo("backup.location-address-refused");
    RunningServer.Response invalid =
        server.admin().post(LOCATIONS, Map.of("name", "Bad_Name", "bucket", "x"));
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.problemCode()).isEqualTo("backup.location-invalid");
    RunningServer.Response local = server.admin().delete(LOCATIONS + "/local");
    assertThat(local.status()).isEqualTo(400);
    assertThat(local.problemCode()).isEqualTo("backup.location-read-only");
    assertThat(
            server.admin().post(LOCATIONS, location("local", "kubeward", "x", true)).problemCode())
        .isIn("backup.location-exists", "backup.location-invalid");
  }

  @Test
  void onlyAdministrators() {
    assertThat(
            server
                .admin()
                .post(LOCATIONS, location("s3", "kubeward", s3.secretKey(), true))
                .status())
        .isEqualTo(201);
    RunningServer.Session operator =
        server.newUser(
            "location-operator",
            List.of(Map.of("role", "operator", "cluster", "*", "namespace", "*")));
    assertThat(operator.get(LOCATIONS).status()).isEqualTo(403);
    assertThat(operator.get(LOCATIONS + "/s3").status()).isEqualTo(403);
    assertThat(operator.post(LOCATIONS, location("x", "kubeward", "y", true)).status())
        .isEqualTo(403);
    assertThat(operator.post(LOCATIONS + "/s3/check", Map.of()).status()).isEqualTo(403);
    assertThat(operator.delete(LOCATIONS + "/s3").status()).isEqualTo(403);
    assertThat(server.admin().get(LOCATIONS + "/s3").status()).isEqualTo(200);
  }
}
