package io.kubeward.server.alert.engine;

import io.kubeward.alert.app.engine.AlertEngineSettings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The alert engine ({@code kubeward.alerting.*}, ADR 0031); a bad value stops the start.
 *
 * @param enabled whether this replica evaluates alert rules at all
 * @param evaluationInterval how often each cluster's rules are evaluated (1s to 10m)
 * @param nudgeDebounce how long after a finding or node health event the cluster is evaluated (0s
 *     to 10s)
 * @param historyRetention how long the alerting history is kept (1h to 3650d)
 * @param resolvedRetention how long resolved alerts stay listed (1m to 30d)
 * @param clusterUnreachableFor how long a cluster must be unreachable before {@code
 *     kubeward:cluster-unreachable} fires (0s to 24h)
 * @param siteLeaseDuration how long the site leader's lease lasts unrenewed (3s to 10m)
 * @param siteLeaseRenew how often the lease is renewed or tried (1s to a third of the duration)
 */
@ConfigurationProperties("kubeward.alerting")
public record AlertEngineProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("15s") Duration evaluationInterval,
    @DefaultValue("300ms") Duration nudgeDebounce,
    @DefaultValue("30d") Duration historyRetention,
    @DefaultValue("24h") Duration resolvedRetention,
    @DefaultValue("3m") Duration clusterUnreachableFor,
    @DefaultValue("15s") Duration siteLeaseDuration,
    @DefaultValue("5s") Duration siteLeaseRenew) {

  public AlertEngineProperties {
    within(
        "evaluation-interval", evaluationInterval, Duration.ofSeconds(1), Duration.ofMinutes(10));
    within("nudge-debounce", nudgeDebounce, Duration.ZERO, Duration.ofSeconds(10));
    within("history-retention", historyRetention, Duration.ofHours(1), Duration.ofDays(3650));
    within("resolved-retention", resolvedRetention, Duration.ofMinutes(1), Duration.ofDays(30));
    within("cluster-unreachable-for", clusterUnreachableFor, Duration.ZERO, Duration.ofHours(24));
    within("site-lease-duration", siteLeaseDuration, Duration.ofSeconds(3), Duration.ofMinutes(10));
    within(
        "site-lease-renew", siteLeaseRenew, Duration.ofSeconds(1), siteLeaseDuration.dividedBy(3));
  }

  private static void within(String name, Duration value, Duration min, Duration max) {
    if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw new IllegalArgumentException(
          "kubeward.alerting." + name + " must be between " + min + " and " + max);
    }
  }

  public AlertEngineSettings settings() {
    return new AlertEngineSettings(
        evaluationInterval,
        nudgeDebounce,
        historyRetention,
        resolvedRetention,
        clusterUnreachableFor,
        siteLeaseDuration,
        siteLeaseRenew);
  }
}
