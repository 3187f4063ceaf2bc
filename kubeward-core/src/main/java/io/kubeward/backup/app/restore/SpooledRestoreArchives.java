package io.kubeward.backup.app.restore;

import io.kubeward.backup.app.ArchiveKeys;
import io.kubeward.backup.app.ArchiveSpool;
import io.kubeward.backup.app.ArchiveStore;
import io.kubeward.backup.app.ArchiveStores;
import io.kubeward.backup.app.BackupLocationException;
import io.kubeward.backup.domain.ObjectRef;
import io.kubeward.backup.domain.archive.ArchiveException;
import io.kubeward.backup.domain.archive.ArchiveReader;
import io.kubeward.backup.domain.archive.ManifestEntry;
import io.kubeward.backup.domain.archive.Verification;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * {@link RestoreArchives} over the storage locations (ADR 0040): the archive is spooled to a local
 * file, verified in one pass ({@link ArchiveReader#verify}: every entry against the manifest, the
 * zip's end, the whole SHA-256 against the Backup's record or the {@code .sha256} file next to the
 * archive), and only then opened for random access. A refused archive leaves nothing behind.
 */
public final class SpooledRestoreArchives implements RestoreArchives {

  private final ArchiveStores stores;
  private final ArchiveSpool spool;
  private final ArchiveKeys keys;

  public SpooledRestoreArchives(ArchiveStores stores, ArchiveSpool spool, ArchiveKeys keys) {
    this.stores = stores;
    this.spool = spool;
    this.keys = keys;
  }

  @Override
  public RestoreArchive open(String location, String key, @Nullable String expectedSha256) {
    String describe = location + ":" + key;
    ArchiveStore store = stores.store(location);
    ArchiveSpool.Spooled spooled;
    try {
      spooled = spool.spool(store, key);
    } catch (BackupLocationException e) {
      if (BackupLocationException.FILE_NOT_FOUND.equals(e.code())) {
        throw new RestoreSourceNotFoundException(describe, "there is no such archive");
      }
      throw e;
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + describe + " failed", e);
    }
    try {
      String expected = expectedSha256 != null ? expectedSha256 : recordedChecksum(store, key);
      Verification verification;
      try (InputStream in = Files.newInputStream(spooled.file())) {
        verification = ArchiveReader.verify(in, expected);
      }
      if (!verification.ok()) {
        throw new ArchiveRefusedException(describe, verification.problems());
      }
      ArchiveReader reader = new ArchiveReader(spooled.file(), keys.sealer());
      return new Opened(
          reader,
          spooled,
          verification.sha256() == null ? spooled.sha256() : verification.sha256());
    } catch (ArchiveException e) {
      spooled.close();
      throw new ArchiveRefusedException(describe, List.of(e.getMessage()));
    } catch (IOException e) {
      spooled.close();
      throw new ArchiveRefusedException(describe, List.of("cannot be read: " + e.getMessage()));
    } catch (RuntimeException e) {
      spooled.close();
      throw e;
    }
  }

  /** The checksum file next to the archive ({@code <key>.sha256}), if any. */
  private static @Nullable String recordedChecksum(ArchiveStore store, String key)
      throws IOException {
    Optional<InputStream> file = store.open(key + ".sha256");
    if (file.isEmpty()) {
      return null;
    }
    try (InputStream in = file.get()) {
      String text = new String(in.readNBytes(200), StandardCharsets.US_ASCII).strip();
      int space = text.indexOf(' ');
      return space < 0 ? text : text.substring(0, space);
    }
  }

  private static final class Opened implements RestoreArchive {
    private final ArchiveReader reader;
    private final ArchiveSpool.Spooled spooled;
    private final String sha256;
    private final Map<ObjectRef, ManifestEntry> entries = new LinkedHashMap<>();

    Opened(ArchiveReader reader, ArchiveSpool.Spooled spooled, String sha256) {
      this.reader = reader;
      this.spooled = spooled;
      this.sha256 = sha256;
      for (ManifestEntry e : reader.manifest().entries()) {
        entries.putIfAbsent(e.object(), e);
      }
    }

    @Override
    public String sha256() {
      return sha256;
    }

    @Override
    public List<ObjectRef> objects() {
      return List.copyOf(entries.keySet());
    }

    @Override
    public Map<String, Object> read(ObjectRef object) {
      ManifestEntry entry = entries.get(object);
      if (entry == null) {
        throw new IllegalArgumentException("not in the archive: " + object);
      }
      try {
        return reader.read(entry);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void close() {
      try {
        reader.close();
      } catch (IOException ignored) {
        // a read-only file about to be deleted
      } finally {
        spooled.close();
      }
    }
  }
}
