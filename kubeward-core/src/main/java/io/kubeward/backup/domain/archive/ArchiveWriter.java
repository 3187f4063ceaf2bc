package io.kubeward.backup.domain.archive;

import io.kubeward.backup.domain.ObjectFailure;
import io.kubeward.backup.domain.ObjectRef;
import io.kubeward.resource.domain.ObjectCleaner;
import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jspecify.annotations.Nullable;

/**
 * Writes an archive as a stream (docs/ARCHIVE-FORMAT.md): a zip with one YAML entry per object,
 * server-managed fields stripped ({@link ObjectCleaner#stripServerFields}), Secrets sealed ({@link
 * SecretSealer}), and {@code manifest.json} written last by {@link #finish}. Only the manifest's
 * entries (a few hundred bytes per object) are kept in memory, never the archive: a 40,000-object
 * backup streams to its location as it is collected.
 *
 * <p>Not thread-safe: one collector adds objects in turn. {@link #close()} closes {@code out}
 * (after {@link #finish}, or leaving an incomplete archive that the store's upload must abort).
 */
public final class ArchiveWriter implements Closeable {

  private final CountingDigestStream counted;
  private final ZipOutputStream zip;
  private final @Nullable SecretSealer sealer;
  private final List<ManifestEntry> entries = new ArrayList<>();
  private final Set<String> paths = new HashSet<>();
  private final Map<String, Integer> counts = new TreeMap<>();
  private final List<ObjectFailure> failures = new ArrayList<>();
  private final MessageDigest entryDigest = newDigest();
  private int failuresTotal;
  private boolean sealedAny;
  private @Nullable Manifest manifest;
  private @Nullable String archiveSha;

  /**
   * @param out where the archive goes (a store's upload); closed by {@link #close()}
   * @param sealer the key Secrets are sealed with; null when none is configured (adding a Secret
   *     then fails, it is never written in plaintext)
   */
  public ArchiveWriter(OutputStream out, @Nullable SecretSealer sealer) {
    this.counted = new CountingDigestStream(Objects.requireNonNull(out, "out"));
    this.zip = new ZipOutputStream(counted);
    this.zip.setLevel(Deflater.DEFAULT_COMPRESSION);
    this.sealer = sealer;
  }

  /** Whether Secrets can be added (a key is configured). */
  public boolean canSeal() {
    return sealer != null;
  }

  /**
   * Adds one object.
   *
   * @throws SealedObjectException {@code backup.encryption-key-missing} for a Secret when no key is
   *     configured
   * @throws IllegalArgumentException if the object is already in the archive
   * @throws IllegalStateException after {@link #finish}
   */
  public void add(ObjectRef ref, Map<String, Object> object) throws IOException {
    requireOpen();
    String path = ArchivePaths.entry(ref);
    boolean seal = ArchivePaths.sealed(ref);
    if (seal && sealer == null) {
      throw SealedObjectException.keyMissing(describe(ref));
    }
    if (!paths.add(path)) {
      throw new IllegalArgumentException(describe(ref) + " is already in the archive");
    }
    byte[] bytes = ArchiveYaml.write(ObjectCleaner.stripServerFields(object));
    if (seal) {
      bytes = sealer.seal(bytes, path);
      sealedAny = true;
    }
    if (bytes.length > ArchiveReader.MAX_ENTRY_BYTES) {
      paths.remove(path);
      throw ArchiveException.tooLarge(describe(ref), ArchiveReader.MAX_ENTRY_BYTES);
    }
    ZipEntry entry = new ZipEntry(path);
    entry.setLastModifiedTime(FileTime.fromMillis(0));
    zip.putNextEntry(entry);
    zip.write(bytes);
    zip.closeEntry();
    String sha = HexFormat.of().formatHex(entryDigest.digest(bytes));
    entries.add(new ManifestEntry(path, ref, sha, bytes.length, seal));
    counts.merge(ArchivePaths.kindKey(ref), 1, Integer::sum);
  }

  /** Records an object that could not be archived (the first {@link Manifest#MAX_FAILURES}). */
  public void fail(ObjectFailure failure) {
    requireOpen();
    failuresTotal++;
    if (failures.size() < Manifest.MAX_FAILURES) {
      failures.add(failure);
    }
  }

  /** Objects added so far. */
  public int objects() {
    return entries.size();
  }

  /** Bytes written to {@code out} so far. */
  public long bytesWritten() {
    return counted.count;
  }

  /**
   * Writes {@code manifest.json} and the zip's directory; {@code out} stays open (flushed).
   *
   * @return the manifest written
   */
  public Manifest finish(ArchiveHeader header) throws IOException {
    requireOpen();
    Manifest m =
        new Manifest(
            Manifest.FORMAT_VERSION,
            header.cluster(),
            header.kubernetesVersion(),
            header.createdAt(),
            sealedAny ? sealer.keyId() : null,
            counts,
            entries,
            failures,
            header.backupNamespace(),
            header.backupName(),
            header.scope(),
            failuresTotal);
    ZipEntry entry = new ZipEntry(Manifest.PATH);
    entry.setLastModifiedTime(FileTime.fromMillis(0));
    zip.putNextEntry(entry);
    ManifestCodec.write(m, zip);
    zip.closeEntry();
    zip.finish();
    counted.flush();
    manifest = m;
    archiveSha = HexFormat.of().formatHex(counted.digest.digest());
    return m;
  }

  /** The SHA-256 of the whole archive, hex (after {@link #finish}). */
  public String sha256() {
    if (archiveSha == null) {
      throw new IllegalStateException("the archive is not finished");
    }
    return archiveSha;
  }

  /** The manifest written by {@link #finish}, or null. */
  public @Nullable Manifest manifest() {
    return manifest;
  }

  @Override
  public void close() throws IOException {
    zip.close();
  }

  private void requireOpen() {
    if (manifest != null) {
      throw new IllegalStateException("the archive is finished");
    }
  }

  private static String describe(ObjectRef ref) {
    return ArchivePaths.kindKey(ref)
        + " "
        + (ref.namespace() == null ? "" : ref.namespace() + "/")
        + ref.name();
  }

  static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Counts and digests what reaches the underlying stream. */
  private static final class CountingDigestStream extends FilterOutputStream {
    private final MessageDigest digest = newDigest();
    private long count;

    CountingDigestStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      digest.update((byte) b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      digest.update(b, off, len);
      count += len;
    }
  }
}
