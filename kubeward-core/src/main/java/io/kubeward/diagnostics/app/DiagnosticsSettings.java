package io.kubeward.diagnostics.app;

import io.kubeward.diagnostics.domain.RuleSettings;
import java.time.Duration;

/**
 * The engine's settings ({@code kubeward.diagnostics.*}).
 *
 * @param enabled evaluate at all
 * @param fullPassInterval how often every rule judges every object of every cluster (1m–1h)
 * @param debounce how long changes are collected before the changed objects are judged again
 *     (100ms–1m): a burst of changes to one object is judged once
 * @param maxFindingsPerCluster active findings kept per cluster; more are not opened (counted)
 * @param maxPendingPerCluster changed subjects waiting for the next incremental evaluation; beyond
 *     it the cluster gets a full pass instead
 * @param resolvedRetention how long resolved findings are kept in the database
 * @param maxResolvedPerCluster resolved findings kept per cluster at most (the oldest go first)
 * @param rules the rules' thresholds
 */
public record DiagnosticsSettings(
    boolean enabled,
    Duration fullPassInterval,
    Duration debounce,
    int maxFindingsPerCluster,
    int maxPendingPerCluster,
    Duration resolvedRetention,
    int maxResolvedPerCluster,
    RuleSettings rules) {

  public static final DiagnosticsSettings DEFAULTS =
      new DiagnosticsSettings(
          true,
          Duration.ofMinutes(1),
          Duration.ofSeconds(2),
          10_000,
          20_000,
          Duration.ofDays(7),
          10_000,
          RuleSettings.DEFAULTS);

  public DiagnosticsSettings {
    between("full-pass-interval", fullPassInterval, Duration.ofSeconds(10), Duration.ofHours(1));
    between("debounce", debounce, Duration.ofMillis(100), Duration.ofMinutes(1));
    between("resolved-retention", resolvedRetention, Duration.ofHours(1), Duration.ofDays(90));
    if (maxFindingsPerCluster < 1 || maxFindingsPerCluster > 1_000_000) {
      throw new IllegalArgumentException("max-findings-per-cluster must be 1 to 1000000");
    }
    if (maxPendingPerCluster < 1 || maxPendingPerCluster > 1_000_000) {
      throw new IllegalArgumentException("max-pending-per-cluster must be 1 to 1000000");
    }
    if (maxResolvedPerCluster < 0 || maxResolvedPerCluster > 1_000_000) {
      throw new IllegalArgumentException("max-resolved-per-cluster must be 0 to 1000000");
    }
    if (rules == null) {
      throw new IllegalArgumentException("rule settings are required");
    }
  }

  private static void between(String name, Duration value, Duration min, Duration max) {
    if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw new IllegalArgumentException(
          name + " must be from " + min + " to " + max + ": " + value);
    }
  }
}
