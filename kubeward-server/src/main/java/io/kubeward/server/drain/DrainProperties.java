package io.kubeward.server.drain;

import io.kubeward.drain.domain.DrainOptions;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Node drains ({@code kubeward.drain.*}). Validated when bound, so a bad value stops the start.
 *
 * @param timeout how long a drain may take when the request names no timeout (then TIMED_OUT, the
 *     node stays cordoned); more than 0
 * @param blockedReportAfter how long pods may wait for disruption budgets before the drain reports
 *     BLOCKED; 0 or more
 * @param backoffBase the delay before retrying an eviction refused with 429 or another error;
 *     doubled on each further refusal; more than 0
 * @param backoffMax the longest delay between two attempts; at least {@code backoffBase}
 */
@ConfigurationProperties("kubeward.drain")
public record DrainProperties(
    @DefaultValue("30m") Duration timeout,
    @DefaultValue("5m") Duration blockedReportAfter,
    @DefaultValue("5s") Duration backoffBase,
    @DefaultValue("2m") Duration backoffMax) {

  public DrainProperties {
    defaults(timeout, blockedReportAfter);
    if (backoffBase.isNegative() || backoffBase.isZero()) {
      throw new IllegalArgumentException("backoff-base must be more than 0");
    }
    if (backoffMax.compareTo(backoffBase) < 0) {
      throw new IllegalArgumentException("backoff-max must be at least backoff-base");
    }
  }

  /** The options of a drain that sets nothing itself. */
  public DrainOptions defaults() {
    return defaults(timeout, blockedReportAfter);
  }

  private static DrainOptions defaults(Duration timeout, Duration blockedReportAfter) {
    return DrainOptions.defaults().withTimeout(timeout).withBlockedReportAfter(blockedReportAfter);
  }
}
