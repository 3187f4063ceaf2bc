package io.kubeward.backup.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeward.backup.domain.ArchiveRef;
import io.kubeward.backup.domain.ObjectRef;
import io.kubeward.backup.domain.StoredFile;
import io.kubeward.backup.domain.archive.ArchiveHeader;
import io.kubeward.backup.domain.archive.ArchiveWriter;
import io.kubeward.backup.domain.archive.Verification;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** A stored archive is verified against its checksum file, and a spooled copy is whole. */
class VerifyArchiveTest {

  /** A store in memory. */
  static final class MemoryStore implements ArchiveStore {
    final Map<String, byte[]> files = new TreeMap<>();

    @Override
    public String location() {
      return "memory";
    }

    @Override
    public Upload create(String key) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      return new Upload() {
        @Override
        public OutputStream stream() {
          return out;
        }

        @Override
        public void close() {
          files.put(key, out.toByteArray());
        }

        @Override
        public void abort() {}
      };
    }

    @Override
    public Optional<InputStream> open(String key) {
      return Optional.ofNullable(files.get(key)).map(ByteArrayInputStream::new);
    }

    @Override
    public Optional<StoredFile> stat(String key) {
      return Optional.ofNullable(files.get(key))
          .map(b -> new StoredFile(key, b.length, Instant.EPOCH));
    }

    @Override
    public List<StoredFile> list(String prefix, int max) {
      return files.keySet().stream()
          .filter(k -> k.startsWith(prefix))
          .limit(max)
          .map(k -> stat(k).orElseThrow())
          .toList();
    }

    @Override
    public void delete(String key) {
      files.remove(key);
    }
  }

  static final ArchiveRef REF = new ArchiveRef("memory", "prod", "team-a", "nightly");

  static String store(MemoryStore store) throws IOException {
    String sha =
        Uploads.write(
            store,
            REF.key(ArchiveRef.ARCHIVE),
            out -> {
              ArchiveWriter w = new ArchiveWriter(out, null);
              w.add(
                  new ObjectRef("v1", "ConfigMap", "shop", "app"),
                  Map.of(
                      "apiVersion", "v1",
                      "kind", "ConfigMap",
                      "metadata", Map.of("name", "app", "namespace", "shop")));
              w.finish(
                  new ArchiveHeader("prod", "v1.34.0", "team-a", "nightly", Instant.EPOCH, null));
              return w.sha256();
            });
    Uploads.write(
        store,
        REF.key(ArchiveRef.CHECKSUM),
        (sha + "  archive.zip\n").getBytes(StandardCharsets.US_ASCII));
    return sha;
  }

  @Test
  void aWholeArchiveVerifiesAgainstItsChecksumFile() throws IOException {
    MemoryStore store = new MemoryStore();
    String sha = store(store);
    Verification v = VerifyArchive.verify(store, REF, null);
    assertThat(v.problems()).isEmpty();
    assertThat(v.sha256()).isEqualTo(sha);
    assertThat(VerifyArchive.verify(store, REF, sha).ok()).isTrue();
  }

  @Test
  void aTruncatedOrMissingArchiveIsReported() throws IOException {
    MemoryStore store = new MemoryStore();
    store(store);
    byte[] full = store.files.get(REF.key(ArchiveRef.ARCHIVE));
    store.files.put(REF.key(ArchiveRef.ARCHIVE), Arrays.copyOf(full, full.length - 10));
    Verification v = VerifyArchive.verify(store, REF, null);
    assertThat(v.ok()).isFalse();
    assertThat(v.problems()).anyMatch(p -> p.contains("truncated"));

    store.files.remove(REF.key(ArchiveRef.CHECKSUM));
    store.files.remove(REF.key(ArchiveRef.ARCHIVE));
    Verification missing = VerifyArchive.verify(store, REF, null);
    assertThat(missing.problems())
        .containsExactly(
            "backups/prod/team-a/nightly/archive.zip.sha256 is missing or not a SHA-256",
            "backups/prod/team-a/nightly/archive.zip is missing in location memory");
  }

  @Test
  void aSpooledCopyIsWholeAndDeletedOnClose() throws IOException {
    MemoryStore store = new MemoryStore();
    String sha = store(store);
    ArchiveSpool spool =
        new ArchiveSpool(java.nio.file.Files.createTempDirectory("spool"), 10 * 1024 * 1024);
    java.nio.file.Path file;
    try (ArchiveSpool.Spooled spooled = spool.spool(store, REF.key(ArchiveRef.ARCHIVE))) {
      file = spooled.file();
      assertThat(spooled.sha256()).isEqualTo(sha);
      assertThat(java.nio.file.Files.size(file)).isEqualTo(spooled.size());
    }
    assertThat(file).doesNotExist();
    ArchiveSpool tiny = new ArchiveSpool(file.getParent(), 10);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> tiny.spool(store, REF.key(ArchiveRef.ARCHIVE)))
        .hasMessageContaining("larger than 10 bytes");
    assertThat(java.nio.file.Files.list(file.getParent())).isEmpty();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> tiny.spool(store, "nothing"))
        .isInstanceOf(BackupLocationException.class);
  }
}
