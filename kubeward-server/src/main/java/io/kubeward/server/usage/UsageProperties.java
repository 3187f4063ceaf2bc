package io.kubeward.server.usage;

import io.kubeward.usage.app.UsageSettings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Live usage from the metrics API ({@code kubeward.usage.*}, ADR 0019); a bad value stops the
 * start.
 *
 * @param maxAge how long one reading of a cluster's metrics API (made with Kubeward's identity) is
 *     shared by every caller, 0s (every request reads it) to 10m
 * @param absentFor how long a cluster whose metrics API did not answer (no metrics-server, 503,
 *     timeout) is not asked again, 1s to 1h
 * @param timeout how long one request to the metrics API may take, 1s to 2m
 * @param maxPods pod samples kept per reading at most, 1 to 1,000,000 (answers then say {@code
 *     truncated})
 */
@ConfigurationProperties("kubeward.usage")
public record UsageProperties(
    @DefaultValue("15s") Duration maxAge,
    @DefaultValue("30s") Duration absentFor,
    @DefaultValue("10s") Duration timeout,
    @DefaultValue("200000") int maxPods) {

  public UsageProperties {
    new UsageSettings(maxAge, absentFor, timeout, maxPods);
  }

  public UsageSettings settings() {
    return new UsageSettings(maxAge, absentFor, timeout, maxPods);
  }
}
