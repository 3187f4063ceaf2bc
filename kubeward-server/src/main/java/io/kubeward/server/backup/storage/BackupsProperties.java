package io.kubeward.server.backup.storage;

import io.kubeward.backup.app.ArchiveKeys;
import io.kubeward.backup.domain.archive.SecretSealer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Archives and their storage ({@code kubeward.backups.*}, ADR 0040); validated when bound, so a
 * wrong value stops the start with a message.
 *
 * @param directory the {@code local} location's folder; unset: {@code <kubeward.data-dir>/backups}
 * @param spoolDirectory where archives are copied to be read with random access (restore, verify);
 *     unset: {@code <kubeward.data-dir>/spool}
 * @param maxArchiveSize the largest archive spooled (1MB–1TB)
 * @param encryption the keys Secrets are sealed with
 * @param s3 the S3 client's limits
 */
@ConfigurationProperties("kubeward.backups")
public record BackupsProperties(
    @Nullable Path directory,
    @Nullable Path spoolDirectory,
    @DefaultValue("64GB") DataSize maxArchiveSize,
    @DefaultValue Encryption encryption,
    @DefaultValue S3 s3) {

  public BackupsProperties {
    require(
        maxArchiveSize.toMegabytes() >= 1 && maxArchiveSize.toGigabytes() <= 1024,
        "max-archive-size must be between 1MB and 1TB");
    encryption.keys();
  }

  /**
   * @param activeKey the id of the key new archives are sealed with; unset with one key: that one
   * @param keys key id ({@code A-Z a-z 0-9 . _ -}) → 32 bytes, base64 ({@code openssl rand -base64
   *     32}); keep old keys to read old archives
   */
  public record Encryption(@Nullable String activeKey, @Nullable Map<String, String> keys) {

    public Encryption {
      keys = keys == null ? Map.of() : Map.copyOf(keys);
      if (!keys.isEmpty()) {
        try {
          sealer(activeKey, keys);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("kubeward.backups.encryption: " + e.getMessage(), e);
        }
      } else if (activeKey != null && !activeKey.isBlank()) {
        throw new IllegalArgumentException(
            "kubeward.backups.encryption.active-key is set but no keys are configured");
      }
    }

    public ArchiveKeys archiveKeys() {
      return keys.isEmpty() ? ArchiveKeys.none() : new ArchiveKeys(sealer(activeKey, keys));
    }

    private static SecretSealer sealer(@Nullable String active, Map<String, String> keys) {
      String id = active;
      if (id == null || id.isBlank()) {
        if (keys.size() != 1) {
          throw new IllegalArgumentException(
              "active-key is required when more than one key is configured");
        }
        id = keys.keySet().iterator().next();
      }
      return SecretSealer.fromBase64(id, keys);
    }

    @Override
    public String toString() {
      return "Encryption[activeKey=" + activeKey + ", keys=" + keys.keySet() + "]";
    }
  }

  /**
   * @param connectTimeout TCP/TLS connect timeout to an S3 endpoint (100ms–60s)
   * @param requestTimeout the longest one HTTP attempt may take, a part upload included (1s–1h)
   * @param partSize bytes per part of a multipart upload, one part buffered in memory per upload
   *     (5MB–512MB)
   * @param maxRetries retries of a failed request (0–10)
   */
  public record S3(
      @DefaultValue("5s") Duration connectTimeout,
      @DefaultValue("5m") Duration requestTimeout,
      @DefaultValue("8MB") DataSize partSize,
      @DefaultValue("3") int maxRetries) {

    public S3 {
      require(
          connectTimeout.toMillis() >= 100 && connectTimeout.toSeconds() <= 60,
          "s3.connect-timeout must be between 100ms and 60s");
      require(
          requestTimeout.toSeconds() >= 1
              && requestTimeout.toHours() <= 1
              && requestTimeout.compareTo(Duration.ofHours(1)) <= 0,
          "s3.request-timeout must be between 1s and 1h");
      require(
          partSize.toMegabytes() >= 5 && partSize.toMegabytes() <= 512,
          "s3.part-size must be between 5MB and 512MB");
      require(maxRetries >= 0 && maxRetries <= 10, "s3.max-retries must be 0..10");
    }
  }

  public Path directory(Path dataDir) {
    return directory == null ? dataDir.resolve("backups") : directory;
  }

  public Path spoolDirectory(Path dataDir) {
    return spoolDirectory == null ? dataDir.resolve("spool") : spoolDirectory;
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException("kubeward.backups." + message);
    }
  }
}
