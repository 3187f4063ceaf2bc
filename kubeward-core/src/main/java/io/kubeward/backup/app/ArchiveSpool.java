package io.kubeward.backup.app;

import io.kubeward.backup.domain.archive.ArchiveException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Copies a stored archive to a temporary file, so that {@code ArchiveReader} can read it with
 * random access: at most {@code maxBytes}, the SHA-256 computed on the way, the file (mode 0600)
 * deleted when the {@link Spooled} is closed or when the copy fails.
 */
public final class ArchiveSpool {

  private final Path directory;
  private final long maxBytes;

  /**
   * @param directory where temporary files go (created when missing)
   * @param maxBytes the largest archive spooled
   */
  public ArchiveSpool(Path directory, long maxBytes) {
    if (maxBytes < 1) {
      throw new IllegalArgumentException("maxBytes must be positive");
    }
    this.directory = Objects.requireNonNull(directory, "directory");
    this.maxBytes = maxBytes;
  }

  /** A spooled archive; closing deletes the file. */
  public record Spooled(Path file, String sha256, long size) implements AutoCloseable {
    @Override
    public void close() {
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // a temporary file; the directory is cleaned at the next start
      }
    }
  }

  /**
   * Copies {@code key} of {@code store}.
   *
   * @throws BackupLocationException {@code backup.file-not-found} when there is no such file
   * @throws ArchiveException {@code backup.archive-too-large} beyond the limit
   */
  public Spooled spool(ArchiveStore store, String key) throws IOException {
    InputStream in =
        store
            .open(key)
            .orElseThrow(() -> BackupLocationException.fileNotFound(store.location(), key));
    try (in) {
      return spool(in, key);
    }
  }

  /** Copies {@code in} (not closed). */
  public Spooled spool(InputStream in, String what) throws IOException {
    Files.createDirectories(directory);
    Path file;
    try {
      file =
          Files.createTempFile(
              directory,
              "archive-",
              ".zip",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException notPosix) {
      file = Files.createTempFile(directory, "archive-", ".zip");
    }
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      long size = 0;
      byte[] buffer = new byte[64 * 1024];
      try (OutputStream out = Files.newOutputStream(file)) {
        int n;
        while ((n = in.read(buffer)) >= 0) {
          size += n;
          if (size > maxBytes) {
            throw ArchiveException.tooLarge(what, maxBytes);
          }
          digest.update(buffer, 0, n);
          out.write(buffer, 0, n);
        }
      }
      return new Spooled(file, HexFormat.of().formatHex(digest.digest()), size);
    } catch (NoSuchAlgorithmException e) {
      Files.deleteIfExists(file);
      throw new IllegalStateException(e);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(file);
      throw e;
    }
  }

  /** Deletes temporary files left by a previous run (at start-up). */
  public void cleanLeftovers() throws IOException {
    if (!Files.isDirectory(directory)) {
      return;
    }
    try (var files = Files.newDirectoryStream(directory, "archive-*.zip")) {
      for (Path f : files) {
        Files.deleteIfExists(f);
      }
    }
  }
}
