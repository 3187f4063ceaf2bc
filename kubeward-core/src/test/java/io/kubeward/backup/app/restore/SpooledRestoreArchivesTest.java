package io.kubeward.backup.app.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeward.backup.app.ArchiveKeys;
import io.kubeward.backup.app.ArchiveSpool;
import io.kubeward.backup.app.ArchiveStore;
import io.kubeward.backup.app.ArchiveStores;
import io.kubeward.backup.domain.BackupLocation;
import io.kubeward.backup.domain.ObjectRef;
import io.kubeward.backup.domain.StoredFile;
import io.kubeward.backup.domain.archive.ArchiveHeader;
import io.kubeward.backup.domain.archive.ArchiveWriter;
import io.kubeward.backup.domain.archive.SecretSealer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpooledRestoreArchivesTest {

  private static final String KEY = "backups/c/ops/b1/archive.zip";
  private static final ObjectRef CM = new ObjectRef("v1", "ConfigMap", "shop", "settings");
  private static final ObjectRef SECRET = new ObjectRef("v1", "Secret", "shop", "token");

  @TempDir Path spoolDir;
  private final Map<String, byte[]> files = new HashMap<>();
  private final SecretSealer sealer = SecretSealer.of("k1", new byte[32]);

  private final ArchiveStore store =
      new ArchiveStore() {
        @Override
        public String location() {
          return "local";
        }

        @Override
        public Upload create(String key) {
          throw new UnsupportedOperationException();
        }

        @Override
        public Optional<InputStream> open(String key) {
          byte[] bytes = files.get(key);
          return bytes == null ? Optional.empty() : Optional.of(new ByteArrayInputStream(bytes));
        }

        @Override
        public Optional<StoredFile> stat(String key) {
          return Optional.empty();
        }

        @Override
        public List<StoredFile> list(String prefix, int max) {
          return List.of();
        }

        @Override
        public void delete(String key) {}
      };

  private SpooledRestoreArchives archives() {
    ArchiveStores stores =
        new ArchiveStores() {
          @Override
          public ArchiveStore store(String name) {
            return store;
          }

          @Override
          public List<BackupLocation> locations() {
            return List.of();
          }
        };
    return new SpooledRestoreArchives(
        stores, new ArchiveSpool(spoolDir, 1 << 24), new ArchiveKeys(sealer));
  }

  private String write() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String sha;
    try (ArchiveWriter writer = new ArchiveWriter(out, sealer)) {
      writer.add(CM, object(CM, Map.of("data", Map.of("a", "b"))));
      writer.add(SECRET, object(SECRET, Map.of("data", Map.of("t", "c2VjcmV0"))));
      writer.finish(new ArchiveHeader("c", "v1.34", "ops", "b1", Instant.now(), null));
      sha = writer.sha256();
    }
    files.put(KEY, out.toByteArray());
    files.put(KEY + ".sha256", (sha + "  archive.zip\n").getBytes(StandardCharsets.US_ASCII));
    return sha;
  }

  private static Map<String, Object> object(ObjectRef ref, Map<String, Object> more) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("apiVersion", ref.apiVersion());
    o.put("kind", ref.kind());
    o.put("metadata", Map.of("name", ref.name(), "namespace", ref.namespace()));
    o.putAll(more);
    return o;
  }

  @Test
  void aVerifiedArchiveIsReadObjectByObjectSecretsUnsealedAndTheSpoolIsDropped() throws Exception {
    String sha = write();
    try (RestoreArchive archive = archives().open("local", KEY, null)) {
      assertThat(archive.sha256()).isEqualTo(sha);
      assertThat(archive.objects()).containsExactlyInAnyOrder(CM, SECRET);
      assertThat(archive.read(SECRET)).containsEntry("data", Map.of("t", "c2VjcmV0"));
    }
    try (var left = Files.list(spoolDir)) {
      assertThat(left.filter(Files::isRegularFile)).isEmpty();
    }
  }

  @Test
  void aCorruptedTruncatedOrMismatchedArchiveIsRefusedWithItsProblems() throws Exception {
    String sha = write();
    byte[] good = files.get(KEY);

    byte[] flipped = good.clone();
    flipped[good.length / 4] ^= 0x5a;
    files.put(KEY, flipped);
    assertThatThrownBy(() -> archives().open("local", KEY, sha))
        .isInstanceOf(ArchiveRefusedException.class)
        .satisfies(e -> assertThat(((ArchiveRefusedException) e).problems()).isNotEmpty());

    files.put(KEY, Arrays.copyOf(good, good.length - 30));
    assertThatThrownBy(() -> archives().open("local", KEY, null))
        .isInstanceOf(ArchiveRefusedException.class);

    files.put(KEY, good);
    assertThatThrownBy(() -> archives().open("local", KEY, "0".repeat(64)))
        .isInstanceOf(ArchiveRefusedException.class)
        .hasMessageContaining("local:" + KEY);
    try (var left = Files.list(spoolDir)) {
      assertThat(left.filter(Files::isRegularFile)).isEmpty();
    }
  }

  @Test
  void aMissingArchiveIsASourceNotFound() {
    assertThatThrownBy(() -> archives().open("local", "backups/none/archive.zip", null))
        .isInstanceOf(RestoreSourceNotFoundException.class);
  }
}
