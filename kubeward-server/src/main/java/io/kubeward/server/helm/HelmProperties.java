package io.kubeward.server.helm;

import io.kubeward.helm.app.HelmSettings;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Helm releases ({@code kubeward.helm.*}, ADR 0051); a bad value stops the start.
 *
 * @param binary the helm CLI (v4) to run for installs, upgrades, rollbacks and uninstalls: a path,
 *     or a name looked up on {@code PATH}; when it cannot be run, those answer 503 {@code
 *     helm.unavailable} and the release pages still work
 * @param timeout how long one helm command may take (its {@code --timeout}), 10s to 1h
 * @param maxChartBytes the largest uploaded chart archive (.tgz), 1KB to 700KB (it travels as
 *     base64 in a JSON body, and request bodies are at most 1 MiB)
 * @param workDir where each helm run gets its private folder (deleted after the run); default
 *     {@code <kubeward.data-dir>/helm}
 */
@ConfigurationProperties("kubeward.helm")
public record HelmProperties(
    @DefaultValue("helm") String binary,
    @DefaultValue("5m") Duration timeout,
    @DefaultValue("700KB") DataSize maxChartBytes,
    @Nullable Path workDir) {

  public HelmProperties {
    if (binary == null || binary.isBlank()) {
      throw new IllegalArgumentException("kubeward.helm.binary must name the helm CLI");
    }
    if (timeout == null
        || timeout.compareTo(Duration.ofSeconds(10)) < 0
        || timeout.compareTo(Duration.ofHours(1)) > 0) {
      throw new IllegalArgumentException("kubeward.helm.timeout must be between 10s and 1h");
    }
    if (maxChartBytes == null
        || maxChartBytes.toBytes() < 1024
        || maxChartBytes.toBytes() > 700L * 1024) {
      throw new IllegalArgumentException(
          "kubeward.helm.max-chart-bytes must be between 1KB and 700KB");
    }
  }

  HelmSettings settings() {
    return new HelmSettings(timeout, maxChartBytes.toBytes());
  }

  Path workDirOr(Path dataDir) {
    return (workDir == null ? dataDir.resolve("helm") : workDir).toAbsolutePath().normalize();
  }
}
