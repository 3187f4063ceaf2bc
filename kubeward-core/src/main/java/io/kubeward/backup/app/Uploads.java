package io.kubeward.backup.app;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes one stored file so that it appears whole or not at all: the upload is aborted when the
 * writer throws, completed when it returns.
 */
public final class Uploads {

  /** Writes to a stream; closing the stream is not needed. */
  @FunctionalInterface
  public interface Writer<T> {
    T write(OutputStream out) throws IOException;
  }

  private Uploads() {}

  public static <T> T write(ArchiveStore store, String key, Writer<T> writer) throws IOException {
    ArchiveStore.Upload upload = store.create(key);
    T result;
    try {
      result = writer.write(upload.stream());
    } catch (IOException | RuntimeException | Error e) {
      upload.abort();
      throw e;
    }
    upload.close();
    return result;
  }

  /** Writes {@code bytes} (small files: a checksum, a manifest copy). */
  public static void write(ArchiveStore store, String key, byte[] bytes) throws IOException {
    write(
        store,
        key,
        out -> {
          out.write(bytes);
          return null;
        });
  }
}
