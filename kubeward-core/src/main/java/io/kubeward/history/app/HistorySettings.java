package io.kubeward.history.app;

import java.time.Duration;

/**
 * The built-in history (typed configuration, validated at start-up).
 *
 * @param enabled sample clusters that have no Prometheus
 * @param sampleInterval how often the leader samples each cluster (≥ 10 s)
 * @param rawRetention how long raw samples are kept
 * @param rollupInterval the length of a rollup bucket (a whole number of sample intervals)
 * @param rollupRetention how long rollups are kept (longer than the raw retention)
 * @param maxWorkloads workloads kept per sample: the top N by CPU and the top N by memory
 * @param maxPods pods kept per sample: the top N by CPU and the top N by memory
 * @param compactInterval how often rollups and retention run
 * @param maxRange the longest history window served
 */
public record HistorySettings(
    boolean enabled,
    Duration sampleInterval,
    Duration rawRetention,
    Duration rollupInterval,
    Duration rollupRetention,
    int maxWorkloads,
    int maxPods,
    Duration compactInterval,
    Duration maxRange) {

  public HistorySettings {
    if (sampleInterval == null
        || sampleInterval.compareTo(Duration.ofSeconds(10)) < 0
        || sampleInterval.compareTo(Duration.ofMinutes(10)) > 0) {
      throw new IllegalArgumentException(
          "sample-interval must be between 10s and 10m, is " + sampleInterval);
    }
    if (rollupInterval == null
        || rollupInterval.compareTo(sampleInterval) < 0
        || rollupInterval.toMillis() % sampleInterval.toMillis() != 0
        || rollupInterval.compareTo(Duration.ofHours(1)) > 0) {
      throw new IllegalArgumentException(
          "rollup-interval must be a whole number of sample intervals, at most 1h, is "
              + rollupInterval);
    }
    if (rawRetention == null
        || rawRetention.compareTo(rollupInterval.multipliedBy(2)) < 0
        || rawRetention.compareTo(Duration.ofDays(7)) > 0) {
      throw new IllegalArgumentException(
          "raw-retention must be between two rollup intervals and 7d, is " + rawRetention);
    }
    if (rollupRetention == null
        || rollupRetention.compareTo(rawRetention) < 0
        || rollupRetention.compareTo(Duration.ofDays(400)) > 0) {
      throw new IllegalArgumentException(
          "rollup-retention must be between raw-retention and 400d, is " + rollupRetention);
    }
    if (maxWorkloads < 0 || maxWorkloads > 5000 || maxPods < 0 || maxPods > 5000) {
      throw new IllegalArgumentException("max-workloads and max-pods must be between 0 and 5000");
    }
    if (compactInterval == null
        || compactInterval.compareTo(Duration.ofSeconds(10)) < 0
        || compactInterval.compareTo(rollupInterval) > 0) {
      throw new IllegalArgumentException(
          "compact-interval must be between 10s and the rollup interval, is " + compactInterval);
    }
    if (maxRange == null || !maxRange.isPositive()) {
      throw new IllegalArgumentException("max-range must be positive, is " + maxRange);
    }
  }

  public static HistorySettings defaults() {
    return new HistorySettings(
        true,
        Duration.ofSeconds(30),
        Duration.ofHours(24),
        Duration.ofMinutes(5),
        Duration.ofDays(30),
        200,
        200,
        Duration.ofMinutes(1),
        Duration.ofDays(32));
  }
}
