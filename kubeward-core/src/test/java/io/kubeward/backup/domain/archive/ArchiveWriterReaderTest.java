package io.kubeward.backup.domain.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeward.backup.domain.BackupScope;
import io.kubeward.backup.domain.ObjectFailure;
import io.kubeward.backup.domain.ObjectRef;
import io.kubeward.resource.domain.ObjectCleaner;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveWriterReaderTest {

  static final Instant CREATED = Instant.parse("2026-12-04T08:00:00Z");
  static final ArchiveHeader HEADER =
      new ArchiveHeader(
          "prod",
          "v1.34.1",
          "team-a",
          "nightly",
          CREATED,
          new BackupScope(List.of("shop"), null, null, null, null, null, null, true));
  static final SecretSealer KEY = SecretSealer.of("k1", key(1));

  @TempDir Path dir;

  static byte[] key(int seed) {
    byte[] k = new byte[32];
    Arrays.fill(k, (byte) seed);
    return k;
  }

  static Map<String, Object> configMap(String ns, String name) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("name", name);
    metadata.put("namespace", ns);
    metadata.put("uid", "0b5c-uid");
    metadata.put("resourceVersion", "4711");
    metadata.put("generation", 3);
    metadata.put("creationTimestamp", "2026-01-01T00:00:00Z");
    metadata.put("managedFields", List.of(Map.of("manager", "kubectl")));
    metadata.put("selfLink", "/api/v1/namespaces/" + ns + "/configmaps/" + name);
    metadata.put(
        "annotations",
        new LinkedHashMap<>(Map.of(ObjectCleaner.LAST_APPLIED, "{\"big\":true}", "team", "a")));
    metadata.put("labels", Map.of("app", "shop"));
    Map<String, Object> object = new LinkedHashMap<>();
    object.put("apiVersion", "v1");
    object.put("kind", "ConfigMap");
    object.put("metadata", metadata);
    object.put("data", Map.of("port", "8080", "flag", "true"));
    return object;
  }

  static Map<String, Object> secret(String ns, String name) {
    return new LinkedHashMap<>(
        Map.of(
            "apiVersion",
            "v1",
            "kind",
            "Secret",
            "metadata",
            Map.of("name", name, "namespace", ns, "uid", "u"),
            "data",
            Map.of("password", "c3VwZXItc2VjcmV0LXZhbHVl")));
  }

  static ObjectRef cm(String ns, String name) {
    return new ObjectRef("v1", "ConfigMap", ns, name);
  }

  static ObjectRef sec(String ns, String name) {
    return new ObjectRef("v1", "Secret", ns, name);
  }

  record Written(byte[] bytes, Manifest manifest, String sha) {}

  Written write(SecretSealer sealer, int configMaps, boolean withSecret) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ArchiveWriter w = new ArchiveWriter(out, sealer)) {
      for (int i = 0; i < configMaps; i++) {
        w.add(cm("shop", "cm-" + i), configMap("shop", "cm-" + i));
      }
      if (withSecret) {
        w.add(sec("shop", "db"), secret("shop", "db"));
      }
      w.add(
          new ObjectRef("rbac.authorization.k8s.io/v1", "ClusterRole", null, "system:viewer"),
          Map.of(
              "apiVersion", "rbac.authorization.k8s.io/v1",
              "kind", "ClusterRole",
              "metadata", Map.of("name", "system:viewer")));
      w.fail(new ObjectFailure(cm("shop", "denied"), "forbidden: cannot get configmaps"));
      Manifest m = w.finish(HEADER);
      String sha = w.sha256();
      w.close();
      return new Written(out.toByteArray(), m, sha);
    }
  }

  Path file(byte[] bytes) throws IOException {
    Path f = Files.createTempFile(dir, "a", ".zip");
    Files.write(f, bytes);
    return f;
  }

  static List<String> entryNames(byte[] zip) throws IOException {
    List<String> names = new ArrayList<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      ZipEntry e;
      while ((e = in.getNextEntry()) != null) {
        names.add(e.getName());
      }
    }
    return names;
  }

  @Test
  void roundTripStripsServerFieldsAndKeepsTheRest() throws IOException {
    Written w = write(KEY, 3, true);

    assertThat(entryNames(w.bytes()))
        .containsExactly(
            "objects/shop/ConfigMap/cm-0.yaml",
            "objects/shop/ConfigMap/cm-1.yaml",
            "objects/shop/ConfigMap/cm-2.yaml",
            "objects/shop/Secret/db.yaml.sealed",
            "objects/_cluster/ClusterRole.rbac.authorization.k8s.io/system:viewer.yaml",
            "manifest.json");
    assertThat(w.manifest().countsByKind())
        .containsExactly(
            Map.entry("ClusterRole.rbac.authorization.k8s.io", 1),
            Map.entry("ConfigMap", 3),
            Map.entry("Secret", 1));
    assertThat(w.manifest().keyId()).isEqualTo("k1");
    assertThat(w.sha()).hasSize(64);

    try (ArchiveReader r = new ArchiveReader(file(w.bytes()), KEY)) {
      Manifest m = r.manifest();
      assertThat(m).isEqualTo(w.manifest());
      assertThat(m.cluster()).isEqualTo("prod");
      assertThat(m.kubernetesVersion()).isEqualTo("v1.34.1");
      assertThat(m.createdAt()).isEqualTo(CREATED);
      assertThat(m.backupName()).isEqualTo("nightly");
      assertThat(m.scope().includeSecrets()).isTrue();
      assertThat(m.failures())
          .containsExactly(
              new ObjectFailure(cm("shop", "denied"), "forbidden: cannot get configmaps"));

      Map<String, Object> read = r.read(m.entries().getFirst());
      @SuppressWarnings("unchecked")
      Map<String, Object> metadata = (Map<String, Object>) read.get("metadata");
      assertThat(metadata)
          .containsOnlyKeys("name", "namespace", "annotations", "labels")
          .containsEntry("annotations", Map.of("team", "a"));
      assertThat(read.get("data")).isEqualTo(Map.of("port", "8080", "flag", "true"));

      ManifestEntry secretEntry =
          m.entries().stream().filter(ManifestEntry::sealed).findFirst().orElseThrow();
      assertThat(r.read(secretEntry).get("data"))
          .isEqualTo(Map.of("password", "c3VwZXItc2VjcmV0LXZhbHVl"));
    }
    Verification v = ArchiveReader.verify(new ByteArrayInputStream(w.bytes()), w.sha());
    assertThat(v.problems()).isEmpty();
    assertThat(v.ok()).isTrue();
    assertThat(v.sha256()).isEqualTo(w.sha());
    assertThat(v.size()).isEqualTo(w.bytes().length);
  }

  @Test
  void secretsAreNeverInPlaintext() throws IOException {
    Written w = write(KEY, 0, true);
    String raw = new String(w.bytes(), StandardCharsets.ISO_8859_1);
    assertThat(raw).doesNotContain("c3VwZXItc2VjcmV0LXZhbHVl").doesNotContain("password");
  }

  @Test
  void aSecretWithoutAKeyIsAClearFailure() {
    ArchiveWriter w = new ArchiveWriter(OutputStream.nullOutputStream(), null);
    assertThat(w.canSeal()).isFalse();
    assertThatThrownBy(() -> w.add(sec("shop", "db"), secret("shop", "db")))
        .isInstanceOf(SealedObjectException.class)
        .hasMessageContaining("Secret shop/db")
        .extracting(e -> ((SealedObjectException) e).code())
        .isEqualTo(SealedObjectException.KEY_MISSING);
  }

  @Test
  void withoutSecretsNoKeyIsRecorded() throws IOException {
    Written w = write(null, 2, false);
    assertThat(w.manifest().keyId()).isNull();
    try (ArchiveReader r = new ArchiveReader(file(w.bytes()), null)) {
      assertThat(r.manifest().entries()).hasSize(3);
    }
  }

  @Test
  void aWrongOrUnknownKeyDoesNotOpenSealedEntries() throws IOException {
    Written w = write(KEY, 0, true);
    ManifestEntry sealed = w.manifest().entries().getFirst();
    try (ArchiveReader r = new ArchiveReader(file(w.bytes()), SecretSealer.of("k1", key(2)))) {
      assertThatThrownBy(() -> r.read(sealed))
          .isInstanceOf(SealedObjectException.class)
          .extracting(e -> ((SealedObjectException) e).code())
          .isEqualTo(SealedObjectException.UNREADABLE);
    }
    try (ArchiveReader r = new ArchiveReader(file(w.bytes()), SecretSealer.of("k2", key(1)))) {
      assertThatThrownBy(() -> r.read(sealed))
          .isInstanceOf(SealedObjectException.class)
          .hasMessageContaining("k1")
          .extracting(e -> ((SealedObjectException) e).code())
          .isEqualTo(SealedObjectException.KEY_UNKNOWN);
    }
    try (ArchiveReader r = new ArchiveReader(file(w.bytes()), null)) {
      assertThatThrownBy(() -> r.read(sealed)).isInstanceOf(SealedObjectException.class);
    }
    // rotated: the old key stays configured to read old archives
    SecretSealer rotated = new SecretSealer("k2", Map.of("k1", key(1), "k2", key(3)));
    try (ArchiveReader r = new ArchiveReader(file(w.bytes()), rotated)) {
      assertThat(r.read(sealed)).containsEntry("kind", "Secret");
    }
  }

  @Test
  void aSealedEntryMovedToAnotherPathDoesNotOpen() {
    byte[] sealed =
        KEY.seal("x".getBytes(StandardCharsets.UTF_8), "objects/a/Secret/x.yaml.sealed");
    assertThatThrownBy(() -> KEY.unseal("k1", sealed, "objects/b/Secret/x.yaml.sealed"))
        .isInstanceOf(SealedObjectException.class);
  }

  @Test
  void anAlteredEntryIsFoundByVerifyAndByRead() throws IOException {
    // stored uncompressed so that one byte of an object can be flipped in place
    Written w = write(KEY, 2, false);
    byte[] bytes = rewrite(w.bytes(), true, (name, data) -> data);
    int at = indexOf(bytes, "cm-1\n".getBytes(StandardCharsets.UTF_8));
    assertThat(at).isPositive();
    byte[] tampered = bytes.clone();
    tampered[at] = 'X';

    Verification v = ArchiveReader.verify(new ByteArrayInputStream(tampered), null);
    assertThat(v.ok()).isFalse();
    assertThat(v.problems()).anyMatch(p -> p.contains("cm-1"));

    // rewritten with valid CRCs, but other bytes than the manifest lists
    byte[] altered =
        rewrite(
            w.bytes(),
            false,
            (name, data) ->
                name.endsWith("cm-1.yaml")
                    ? new String(data, StandardCharsets.UTF_8)
                        .replace("8080", "9090")
                        .getBytes(StandardCharsets.UTF_8)
                    : data);
    Verification v2 = ArchiveReader.verify(new ByteArrayInputStream(altered), null);
    assertThat(v2.problems())
        .containsExactly(
            "objects/shop/ConfigMap/cm-1.yaml does not match its SHA-256 in the manifest");
    try (ArchiveReader r = new ArchiveReader(file(altered), KEY)) {
      assertThat(r.read(r.manifest().entries().get(0))).containsKey("data");
      assertThatThrownBy(() -> r.read(r.manifest().entries().get(1)))
          .isInstanceOf(ArchiveException.class)
          .hasMessageContaining("cm-1.yaml does not match its SHA-256");
    }
  }

  @Test
  void aTruncatedArchiveIsFoundWhereverItIsCut() throws IOException {
    Written w = write(KEY, 20, true);
    byte[] full = w.bytes();
    for (int cut :
        new int[] {
          0,
          10,
          100,
          full.length / 3,
          full.length / 2,
          full.length - 200,
          full.length - 23,
          full.length - 1
        }) {
      byte[] truncated = Arrays.copyOf(full, cut);
      Verification v = ArchiveReader.verify(new ByteArrayInputStream(truncated), null);
      assertThat(v.ok()).as("cut at %d of %d", cut, full.length).isFalse();
      assertThat(v.problems()).as("cut at %d", cut).isNotEmpty();
      assertThatThrownBy(() -> new ArchiveReader(file(truncated), KEY).close())
          .as("cut at %d", cut)
          .isInstanceOf(ArchiveException.class);
    }
  }

  @Test
  void theExpectedChecksumIsCompared() throws IOException {
    Written w = write(KEY, 1, false);
    Verification v = ArchiveReader.verify(new ByteArrayInputStream(w.bytes()), "00".repeat(32));
    assertThat(v.ok()).isFalse();
    assertThat(v.problems()).singleElement().asString().contains("not the expected");
  }

  @Test
  void unsafeEntryNamesAreRefused() throws IOException {
    Written w = write(KEY, 1, false);
    byte[] evil =
        rewrite(
            w.bytes(),
            false,
            (name, data) -> data,
            List.of("../../etc/passwd", "/abs", "objects\\win"));
    Verification v = ArchiveReader.verify(new ByteArrayInputStream(evil), null);
    assertThat(v.problems())
        .anyMatch(p -> p.contains("'../../etc/passwd' has an unsafe name"))
        .anyMatch(p -> p.contains("'/abs' has an unsafe name"))
        .anyMatch(p -> p.contains("has an unsafe name: the name holds a backslash"));

    // a manifest that points outside objects/
    String manifest =
        "{\"formatVersion\":1,\"cluster\":\"c\",\"kubernetesVersion\":\"v1\","
            + "\"createdAt\":\"2026-01-01T00:00:00Z\",\"entries\":[{\"path\":\"../x.yaml\","
            + "\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"name\":\"x\",\"sha256\":\""
            + "0".repeat(64)
            + "\",\"size\":1}]}";
    byte[] zip = zipOf(Map.of("manifest.json", manifest.getBytes(StandardCharsets.UTF_8)));
    assertThatThrownBy(() -> new ArchiveReader(file(zip), null))
        .isInstanceOf(ArchiveException.class)
        .hasMessageContaining("unsafe path");
  }

  @Test
  void entriesLargerThanTheManifestSaysAreNotReadWhole() throws IOException {
    byte[] big = new byte[4 * 1024 * 1024];
    Arrays.fill(big, (byte) 'a');
    String manifest =
        "{\"formatVersion\":1,\"cluster\":\"c\",\"kubernetesVersion\":\"v1\","
            + "\"createdAt\":\"2026-01-01T00:00:00Z\",\"entries\":["
            + "{\"path\":\"objects/ns/ConfigMap/x.yaml\",\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\","
            + "\"namespace\":\"ns\",\"name\":\"x\",\"sha256\":\""
            + "0".repeat(64)
            + "\",\"size\":10},"
            + "{\"path\":\"objects/ns/ConfigMap/y.yaml\",\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\","
            + "\"namespace\":\"ns\",\"name\":\"y\",\"sha256\":\""
            + "0".repeat(64)
            + "\",\"size\":"
            + (ArchiveReader.MAX_ENTRY_BYTES + 1)
            + "}]}";
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("objects/ns/ConfigMap/x.yaml", big);
    files.put("objects/ns/ConfigMap/y.yaml", big);
    files.put("manifest.json", manifest.getBytes(StandardCharsets.UTF_8));
    try (ArchiveReader r = new ArchiveReader(file(zipOf(files)), null)) {
      assertThatThrownBy(() -> r.read(r.manifest().entries().get(0)))
          .isInstanceOf(ArchiveException.class)
          .hasMessageContaining("larger than the manifest says");
      assertThatThrownBy(() -> r.read(r.manifest().entries().get(1)))
          .isInstanceOf(ArchiveException.class)
          .hasMessageContaining("larger than");
    }
  }

  @Test
  void aNewerFormatIsRefused() throws IOException {
    String manifest =
        "{\"formatVersion\":99,\"cluster\":\"c\",\"kubernetesVersion\":\"v1\","
            + "\"createdAt\":\"2026-01-01T00:00:00Z\",\"entries\":[]}";
    byte[] zip = zipOf(Map.of("manifest.json", manifest.getBytes(StandardCharsets.UTF_8)));
    assertThatThrownBy(() -> new ArchiveReader(file(zip), null))
        .isInstanceOf(ArchiveException.class)
        .hasMessageContaining("format version 99");
  }

  @Test
  void namesThatCouldEscapeAreEncoded() {
    assertThat(ArchivePaths.entry(new ObjectRef("v1", "ConfigMap", "ns", "..")))
        .isEqualTo("objects/ns/ConfigMap/%2E%2E.yaml");
    assertThat(ArchivePaths.entry(new ObjectRef("v1", "ConfigMap", "ns", "a/b\\c d")))
        .isEqualTo("objects/ns/ConfigMap/a%2Fb%5Cc%20d.yaml");
    assertThat(ArchivePaths.entry(new ObjectRef("example.com/v1", "Widget", "ns", "w")))
        .isEqualTo("objects/ns/Widget.example.com/w.yaml");
    assertThat(ArchivePaths.unsafe("backups/c/ns/b/archive.zip")).isNull();
    assertThat(ArchivePaths.unsafe("backups/../x")).isNotNull();
    assertThat(ArchivePaths.unsafe("a//b")).isNotNull();
  }

  @Test
  void addingTheSameObjectTwiceIsRefused() throws IOException {
    try (ArchiveWriter w = new ArchiveWriter(OutputStream.nullOutputStream(), null)) {
      w.add(cm("a", "b"), configMap("a", "b"));
      assertThatThrownBy(() -> w.add(cm("a", "b"), configMap("a", "b")))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void failuresBeyondTheLimitAreCounted() throws IOException {
    try (ArchiveWriter w = new ArchiveWriter(OutputStream.nullOutputStream(), null)) {
      for (int i = 0; i < Manifest.MAX_FAILURES + 5; i++) {
        w.fail(new ObjectFailure(cm("a", "x" + i), "no"));
      }
      Manifest m = w.finish(HEADER);
      assertThat(m.failures()).hasSize(Manifest.MAX_FAILURES);
      assertThat(m.failuresTotal()).isEqualTo(Manifest.MAX_FAILURES + 5);
    }
  }

  @Test
  void fortyThousandObjectsStreamThrough() throws IOException {
    // the archive goes to a stream that keeps nothing: only the manifest's entries stay in memory
    long[] written = {0};
    OutputStream sink =
        new OutputStream() {
          @Override
          public void write(int b) {
            written[0]++;
          }

          @Override
          public void write(byte[] b, int off, int len) {
            written[0] += len;
          }
        };
    Path f = dir.resolve("big.zip");
    try (ArchiveWriter w = new ArchiveWriter(sink, null)) {
      for (int i = 0; i < 40_000; i++) {
        w.add(cm("ns-" + (i % 100), "cm-" + i), configMap("ns-" + (i % 100), "cm-" + i));
      }
      Manifest m = w.finish(HEADER);
      assertThat(m.objectCount()).isEqualTo(40_000);
      assertThat(w.bytesWritten()).isEqualTo(written[0]).isPositive();
    }
    try (OutputStream out = Files.newOutputStream(f);
        ArchiveWriter w = new ArchiveWriter(out, null)) {
      for (int i = 0; i < 2_000; i++) {
        w.add(cm("ns", "cm-" + i), configMap("ns", "cm-" + i));
      }
      w.finish(HEADER);
    }
    try (var in = Files.newInputStream(f)) {
      assertThat(ArchiveReader.verify(in, null).ok()).isTrue();
    }
  }

  interface Transform {
    byte[] apply(String name, byte[] data);
  }

  static byte[] rewrite(byte[] zip, boolean stored, Transform t) throws IOException {
    return rewrite(zip, stored, t, List.of());
  }

  /** Copies a zip entry by entry, transformed, optionally adding entries before the manifest. */
  static byte[] rewrite(byte[] zip, boolean stored, Transform t, List<String> extra)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
        ZipOutputStream z = new ZipOutputStream(out)) {
      ZipEntry e;
      while ((e = in.getNextEntry()) != null) {
        if (e.getName().equals("manifest.json")) {
          for (String name : extra) {
            z.putNextEntry(new ZipEntry(name));
            z.write("x".getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
          }
        }
        byte[] data = t.apply(e.getName(), in.readAllBytes());
        ZipEntry copy = new ZipEntry(e.getName());
        if (stored) {
          copy.setMethod(ZipEntry.STORED);
          copy.setSize(data.length);
          java.util.zip.CRC32 crc = new java.util.zip.CRC32();
          crc.update(data);
          copy.setCrc(crc.getValue());
        }
        z.putNextEntry(copy);
        z.write(data);
        z.closeEntry();
      }
    }
    return out.toByteArray();
  }

  static byte[] zipOf(Map<String, byte[]> files) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(out)) {
      for (var f : files.entrySet()) {
        z.putNextEntry(new ZipEntry(f.getKey()));
        z.write(f.getValue());
        z.closeEntry();
      }
    }
    return out.toByteArray();
  }

  static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  static <T> List<T> reversed(List<T> list) {
    List<T> copy = new ArrayList<>(list);
    Collections.reverse(copy);
    return copy;
  }
}
