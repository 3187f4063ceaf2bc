package io.kubeward.backup.domain.archive;

import java.io.Closeable;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.jspecify.annotations.Nullable;

/**
 * Reads an archive with random access from a local file (a store's archive is first spooled to a
 * temporary file, {@code backup.app.ArchiveSpool}): the manifest, then any object, whose entry's
 * SHA-256 is checked against the manifest on every read and which is unsealed when sealed. Memory:
 * the manifest's entries and one object at a time.
 *
 * <p>{@link #verify} checks a whole archive as a stream, without a temporary file.
 */
public final class ArchiveReader implements Closeable {

  /** The largest object entry read (Kubernetes keeps objects under 1.5 MiB; YAML is larger). */
  public static final long MAX_ENTRY_BYTES = 32L * 1024 * 1024;

  /** The largest manifest read (about 250 bytes per object: some million objects). */
  public static final long MAX_MANIFEST_BYTES = 512L * 1024 * 1024;

  private final ZipFile zip;
  private final @Nullable SecretSealer keys;
  private final Manifest manifest;

  /**
   * Opens {@code file} and reads its manifest.
   *
   * @param keys the keys sealed entries are opened with; null when none is configured (reading a
   *     sealed entry then fails with {@code backup.encryption-key-unknown})
   * @throws ArchiveException {@code backup.archive-corrupt} if the file is not a complete archive
   *     or its manifest is invalid
   */
  public ArchiveReader(Path file, @Nullable SecretSealer keys) throws IOException {
    this.keys = keys;
    try {
      this.zip = new ZipFile(file.toFile());
    } catch (ZipException e) {
      throw ArchiveException.corrupt(
          "not a complete zip archive (truncated, or not an archive): " + e.getMessage());
    }
    try {
      ZipEntry entry = zip.getEntry(Manifest.PATH);
      if (entry == null) {
        throw ArchiveException.corrupt("it has no manifest.json (the backup did not finish)");
      }
      try (InputStream in =
          new Bounded(zip.getInputStream(entry), MAX_MANIFEST_BYTES, "manifest")) {
        this.manifest = ManifestCodec.read(in);
      }
    } catch (RuntimeException | IOException e) {
      zip.close();
      throw e;
    }
  }

  public Manifest manifest() {
    return manifest;
  }

  /**
   * The object of {@code entry}, checked against the manifest's SHA-256 and size, unsealed.
   *
   * @throws ArchiveException {@code backup.archive-corrupt} when the entry is missing or its bytes
   *     are not those the manifest lists
   * @throws SealedObjectException when a sealed entry does not open
   */
  public Map<String, Object> read(ManifestEntry entry) throws IOException {
    return ArchiveYaml.read(bytes(entry), entry.path());
  }

  /** The YAML of {@code entry} as stored, unsealed: checked as {@link #read} checks it. */
  public byte[] bytes(ManifestEntry entry) throws IOException {
    Objects.requireNonNull(entry, "entry");
    ZipEntry z = zip.getEntry(entry.path());
    if (z == null) {
      throw ArchiveException.corrupt(entry.path() + " is listed in the manifest but missing");
    }
    if (entry.size() > MAX_ENTRY_BYTES) {
      throw ArchiveException.tooLarge(entry.path(), MAX_ENTRY_BYTES);
    }
    byte[] bytes;
    try (InputStream in = new Bounded(zip.getInputStream(z), entry.size(), entry.path())) {
      bytes = in.readAllBytes();
    } catch (ArchiveException e) {
      throw ArchiveException.corrupt(entry.path() + " is larger than the manifest says");
    } catch (ZipException | EOFException e) {
      throw ArchiveException.corrupt(entry.path() + " does not decompress: " + e.getMessage());
    }
    if (bytes.length != entry.size()) {
      throw ArchiveException.corrupt(
          entry.path() + " has " + bytes.length + " bytes, the manifest says " + entry.size());
    }
    String sha = HexFormat.of().formatHex(ArchiveWriter.newDigest().digest(bytes));
    if (!sha.equals(entry.sha256())) {
      throw ArchiveException.corrupt(entry.path() + " does not match its SHA-256 in the manifest");
    }
    if (!entry.sealed()) {
      return bytes;
    }
    if (keys == null) {
      throw SealedObjectException.keyUnknown(manifest.keyId(), List.of());
    }
    return keys.unseal(manifest.keyId(), bytes, entry.path());
  }

  @Override
  public void close() throws IOException {
    zip.close();
  }

  /**
   * Checks a whole archive read once from {@code archive} (not closed): every entry decompresses
   * and matches the SHA-256 and size the manifest lists, nothing is missing or added, no entry name
   * is unsafe, the manifest comes last, the zip ends with its directory (truncation), and the whole
   * archive's SHA-256 is {@code expectedSha256} when given. Memory: the manifest and a digest per
   * entry; sealed entries are not opened.
   */
  public static Verification verify(InputStream archive, @Nullable String expectedSha256)
      throws IOException {
    Problems problems = new Problems();
    Tail raw = new Tail(archive);
    Map<String, String[]> seen = new HashMap<>();
    Manifest manifest = null;
    boolean afterManifest = false;
    int zipEntries = 0;
    ZipInputStream zin = new ZipInputStream(raw);
    byte[] buffer = new byte[64 * 1024];
    String current = null;
    try {
      ZipEntry z;
      while ((z = zin.getNextEntry()) != null) {
        zipEntries++;
        current = z.getName();
        String unsafe = ArchivePaths.unsafe(current);
        if (unsafe != null) {
          problems.add("the entry '" + printable(current) + "' has an unsafe name: " + unsafe);
        }
        if (afterManifest) {
          problems.add("the entry " + printable(current) + " comes after manifest.json");
        }
        if (current.equals(Manifest.PATH)) {
          afterManifest = true;
          try {
            manifest = ManifestCodec.read(new Bounded(zin, MAX_MANIFEST_BYTES, "manifest"));
          } catch (ArchiveException e) {
            problems.add(e.getMessage());
          }
          zin.closeEntry();
          continue;
        }
        MessageDigest digest = ArchiveWriter.newDigest();
        long size = 0;
        int n;
        while ((n = zin.read(buffer)) > 0) {
          digest.update(buffer, 0, n);
          size += n;
        }
        if (seen.put(current, new String[] {HexFormat.of().formatHex(digest.digest()), "" + size})
            != null) {
          problems.add("the entry " + printable(current) + " appears twice");
        }
      }
      current = null;
    } catch (ZipException | EOFException e) {
      problems.add(
          (current == null ? "the archive" : "the entry " + printable(current))
              + " is truncated or corrupted ("
              + e.getMessage()
              + ")");
    }
    // the rest (the zip's directory) counts for the archive's SHA-256 and shows truncation
    while (raw.read(buffer) >= 0) {
      // drained through the digest
    }
    raw.checkEnd(zipEntries, problems);
    if (manifest == null) {
      if (!problems.any(p -> p.contains("manifest.json"))) {
        problems.add(
            "there is no manifest.json (the archive is truncated or the backup did not finish)");
      }
    } else {
      Map<String, Boolean> listed = new HashMap<>();
      for (ManifestEntry e : manifest.entries()) {
        listed.put(e.path(), true);
        String[] found = seen.get(e.path());
        if (found == null) {
          problems.add(e.path() + " is listed in the manifest but missing");
        } else if (!found[0].equals(e.sha256())) {
          problems.add(e.path() + " does not match its SHA-256 in the manifest");
        } else if (Long.parseLong(found[1]) != e.size()) {
          problems.add(e.path() + " does not have the size the manifest lists");
        }
      }
      for (String path : seen.keySet()) {
        if (!listed.containsKey(path)) {
          problems.add("the entry " + printable(path) + " is not listed in the manifest");
        }
      }
      if (manifest.keyId() == null && manifest.entries().stream().anyMatch(ManifestEntry::sealed)) {
        problems.add("the manifest lists sealed entries but no key id");
      }
    }
    String sha = HexFormat.of().formatHex(raw.digest.digest());
    if (expectedSha256 != null && !expectedSha256.strip().toLowerCase(Locale.ROOT).equals(sha)) {
      problems.add(
          "the archive's SHA-256 is " + sha + ", not the expected " + expectedSha256.strip());
    }
    return new Verification(problems.none(), manifest, problems.list(), sha, raw.count);
  }

  private static String printable(String name) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < name.length() && i < 200; i++) {
      char c = name.charAt(i);
      out.append(c < 0x20 || c == 0x7f ? '?' : c);
    }
    return name.length() > 200 ? out + "…" : out.toString();
  }

  /** A bounded list of problems. */
  private static final class Problems {
    private final List<String> list = new ArrayList<>();
    private int total;

    void add(String problem) {
      total++;
      if (list.size() < Verification.MAX_PROBLEMS - 1) {
        list.add(problem);
      }
    }

    boolean any(java.util.function.Predicate<String> p) {
      return list.stream().anyMatch(p);
    }

    boolean none() {
      return total == 0;
    }

    List<String> list() {
      if (total <= list.size()) {
        return list;
      }
      List<String> out = new ArrayList<>(list);
      out.add("and " + (total - list.size()) + " more problem(s)");
      return out;
    }
  }

  /** Digests and counts the raw archive and keeps its last 22 bytes (the zip's end record). */
  private static final class Tail extends FilterInputStream {
    private static final int EOCD = 22;
    final MessageDigest digest = ArchiveWriter.newDigest();
    final byte[] tail = new byte[EOCD];
    long count;

    Tail(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        track(new byte[] {(byte) b}, 0, 1);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = in.read(b, off, len);
      if (n > 0) {
        track(b, off, n);
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      byte[] buf = new byte[(int) Math.min(n, 8192)];
      int r = read(buf, 0, buf.length);
      return Math.max(r, 0);
    }

    @Override
    public boolean markSupported() {
      return false;
    }

    private void track(byte[] b, int off, int n) {
      digest.update(b, off, n);
      count += n;
      if (n >= EOCD) {
        System.arraycopy(b, off + n - EOCD, tail, 0, EOCD);
      } else {
        System.arraycopy(tail, n, tail, 0, EOCD - n);
        System.arraycopy(b, off, tail, EOCD - n, n);
      }
    }

    /** The archive must end with the zip's end-of-directory record, consistent with its size. */
    void checkEnd(int entries, Problems problems) {
      if (count < EOCD || le32(0) != 0x06054b50L) {
        problems.add(
            "the archive does not end with a zip directory (it is truncated: "
                + count
                + " bytes read)");
        return;
      }
      long total = le16(10);
      long cdSize = le32(12);
      long cdOffset = le32(16);
      if (total == 0xffff || cdOffset == 0xffffffffL) {
        return; // zip64: the record is a placeholder
      }
      if (cdOffset + cdSize + EOCD != count) {
        problems.add(
            "the zip directory does not match the archive's size ("
                + count
                + " bytes; truncated or altered)");
      } else if (total != entries) {
        problems.add("the zip directory lists " + total + " entries, the archive holds " + entries);
      }
    }

    private long le16(int at) {
      return (tail[at] & 0xff) | (tail[at + 1] & 0xff) << 8;
    }

    private long le32(int at) {
      return le16(at) | le16(at + 2) << 16;
    }
  }

  /** Fails with {@code backup.archive-too-large} beyond {@code max} bytes. */
  static final class Bounded extends FilterInputStream {
    private final long max;
    private final String what;
    private long count;

    Bounded(InputStream in, long max, String what) {
      super(in);
      this.max = max;
      this.what = what;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0 && ++count > max) {
        throw ArchiveException.tooLarge(what, max);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = in.read(b, off, (int) Math.min(len, max - count + 1));
      if (n > 0) {
        count += n;
        if (count > max) {
          throw ArchiveException.tooLarge(what, max);
        }
      }
      return n;
    }

    @Override
    public void close() {
      // the caller owns the underlying stream
    }
  }
}
