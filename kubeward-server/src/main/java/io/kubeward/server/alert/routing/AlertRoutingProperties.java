package io.kubeward.server.alert.routing;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Alert routing ({@code kubeward.alerting.*}, ADR 0032); validated when bound.
 *
 * @param dispatchInterval how often the dispatcher passes over every scope this replica owns
 *     (besides the engine's wake-ups and each group's own timers)
 * @param maintenanceRefresh how long the NodeMaintenance objects read for maintenance mutes are
 *     reused
 * @param silenceMaxDuration the longest silence a person may create
 * @param silenceRetention how long an expired silence is kept (listed as expired)
 * @param notificationLogRetention how long a notification log entry is kept after it was last
 *     written (longer than the longest repeat interval)
 * @param purgeInterval how often expired silences, old log entries and holds are deleted
 */
@ConfigurationProperties("kubeward.alerting")
public record AlertRoutingProperties(
    @DefaultValue("5s") Duration dispatchInterval,
    @DefaultValue("10s") Duration maintenanceRefresh,
    @DefaultValue("90d") Duration silenceMaxDuration,
    @DefaultValue("7d") Duration silenceRetention,
    @DefaultValue("45d") Duration notificationLogRetention,
    @DefaultValue("1h") Duration purgeInterval) {

  public AlertRoutingProperties {
    between("dispatch-interval", dispatchInterval, Duration.ofMillis(100), Duration.ofMinutes(5));
    between(
        "maintenance-refresh", maintenanceRefresh, Duration.ofSeconds(1), Duration.ofMinutes(10));
    between(
        "silence-max-duration", silenceMaxDuration, Duration.ofMinutes(1), Duration.ofDays(366));
    between("silence-retention", silenceRetention, Duration.ZERO, Duration.ofDays(366));
    between(
        "notification-log-retention",
        notificationLogRetention,
        Duration.ofDays(31),
        Duration.ofDays(366));
    between("purge-interval", purgeInterval, Duration.ofMinutes(1), Duration.ofDays(1));
  }

  private static void between(String name, Duration value, Duration min, Duration max) {
    if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw new IllegalArgumentException(
          "kubeward.alerting."
              + name
              + " must be between "
              + min
              + " and "
              + max
              + ", is "
              + value);
    }
  }
}
