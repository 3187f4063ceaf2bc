package io.kubeward.server.upgrade;

import io.kubeward.upgrade.app.UpgradeSettings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Upgrade readiness ({@code kubeward.upgrade.*}, ADR 0055); a bad value stops the start.
 *
 * @param certificateWarning a certificate expiring sooner is a warning, 1d to 365d
 * @param maxObjectsPerApi objects read per deprecated API to name the clients writing through it, 0
 *     (do not look) to 10,000
 * @param timeout how long reading the apiserver's metrics or a serving certificate may take, 100ms
 *     to 1m
 * @param cacheFor how long a read serving certificate is remembered, 0s to 1d
 */
@ConfigurationProperties("kubeward.upgrade")
public record UpgradeProperties(
    @DefaultValue("30d") Duration certificateWarning,
    @DefaultValue("200") int maxObjectsPerApi,
    @DefaultValue("10s") Duration timeout,
    @DefaultValue("5m") Duration cacheFor) {

  public UpgradeProperties {
    new UpgradeSettings(certificateWarning, maxObjectsPerApi);
    if (timeout.compareTo(Duration.ofMillis(100)) < 0
        || timeout.compareTo(Duration.ofMinutes(1)) > 0) {
      throw new IllegalArgumentException(
          "kubeward.upgrade.timeout must be 100ms to 1m, not " + timeout);
    }
    if (cacheFor.isNegative() || cacheFor.compareTo(Duration.ofDays(1)) > 0) {
      throw new IllegalArgumentException(
          "kubeward.upgrade.cache-for must be 0s to 1d, not " + cacheFor);
    }
  }

  public UpgradeSettings settings() {
    return new UpgradeSettings(certificateWarning, maxObjectsPerApi);
  }
}
