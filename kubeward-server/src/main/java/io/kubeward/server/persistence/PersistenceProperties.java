package io.kubeward.server.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Kubeward keeps its data ({@code kubeward.*}).
 *
 * @param dataDir folder of the embedded H2 database ({@code kubeward.mv.db}), created if missing;
 *     relative paths are resolved against the working directory. Unused when {@code
 *     spring.datasource.url} names another database (e.g. {@code jdbc:postgresql://...}).
 */
@ConfigurationProperties("kubeward")
public record PersistenceProperties(@DefaultValue("./.kubeward/data") Path dataDir) {

  public PersistenceProperties {
    dataDir = dataDir.toAbsolutePath().normalize();
    if (Files.exists(dataDir) && !Files.isDirectory(dataDir)) {
      throw new IllegalArgumentException("data-dir " + dataDir + " exists and is not a folder");
    }
  }

  /** Creates the folder if needed and checks that Kubeward can write in it. */
  Path preparedDataDir() {
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create data-dir " + dataDir + ": " + e, e);
    }
    if (!Files.isWritable(dataDir)) {
      throw new IllegalStateException("data-dir " + dataDir + " is not writable");
    }
    return dataDir;
  }

  /**
   * The embedded database's URL: H2 in PostgreSQL mode, so that one set of migrations serves both.
   */
  String h2Url() {
    return "jdbc:h2:file:"
        + preparedDataDir().resolve("kubeward")
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000";
  }
}
