package io.kubeward.backup.app;

import io.kubeward.backup.domain.StoredFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;

/**
 * One storage location's files (ADR 0040): a local directory or an S3-compatible bucket. Keys are
 * {@code /}-separated relative paths ({@code backups/<cluster>/<ns>/<name>/archive.zip}); an
 * adapter refuses a key with {@code ..}, a leading {@code /} or a backslash.
 */
public interface ArchiveStore {

  /** The location's name. */
  String location();

  /**
   * A stream that writes {@code key}; the file appears whole when the stream is closed (a local
   * temporary file renamed, an S3 multipart upload completed) and not at all if writing failed
   * ({@link #abort} or an exception before {@code close}). Memory stays bounded whatever the size.
   */
  Upload create(String key) throws IOException;

  /** Reads {@code key}; empty when there is no such file. */
  Optional<InputStream> open(String key) throws IOException;

  /** The file's size and date, if it exists. */
  Optional<StoredFile> stat(String key) throws IOException;

  /** The files whose key starts with {@code prefix}, at most {@code max}, sorted by key. */
  List<StoredFile> list(String prefix, int max) throws IOException;

  /** Deletes {@code key}; nothing when it does not exist. */
  void delete(String key) throws IOException;

  /** An upload in progress. */
  interface Upload extends AutoCloseable {

    OutputStream stream();

    /** Completes the file (idempotent). */
    @Override
    void close() throws IOException;

    /** Drops what was written; the file does not appear. */
    void abort();
  }
}
