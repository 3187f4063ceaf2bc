package io.kubeward.server.metrics;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Kubeward's metrics ({@code kubeward.metrics.*}); a bad value stops the start. See ADR 0017.
 *
 * @param token when set (at least 32 characters), {@code GET /metrics} on the management port needs
 *     {@code Authorization: Bearer <token>}; required when {@code management.server.address} is not
 *     a loopback address. Unset, the endpoint answers only on the loopback-bound management port.
 * @param refreshInterval how often the meters of clusters and controllers added or removed at
 *     runtime are registered or removed, 1s to 10m
 */
@ConfigurationProperties("kubeward.metrics")
public record MetricsProperties(String token, @DefaultValue("10s") Duration refreshInterval) {

  static final int MIN_TOKEN_LENGTH = 32;

  public MetricsProperties {
    if (token != null && token.isBlank()) {
      token = null;
    }
    if (token != null && token.length() < MIN_TOKEN_LENGTH) {
      throw new IllegalArgumentException(
          "kubeward.metrics.token must have at least " + MIN_TOKEN_LENGTH + " characters");
    }
    if (refreshInterval == null
        || refreshInterval.compareTo(Duration.ofSeconds(1)) < 0
        || refreshInterval.compareTo(Duration.ofMinutes(10)) > 0) {
      throw new IllegalArgumentException(
          "kubeward.metrics.refresh-interval must be between 1s and 10m: " + refreshInterval);
    }
  }

  /** Never the token itself. */
  @Override
  public String toString() {
    return "MetricsProperties[token="
        + (token == null ? "unset" : "***")
        + ", refreshInterval="
        + refreshInterval
        + "]";
  }
}
