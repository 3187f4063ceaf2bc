package io.kubeward.events.app;

import java.time.Duration;

/**
 * The event store's settings ({@code kubeward.events.*}), validated when made.
 *
 * @param enabled collect events into the database (search and timelines still read what is stored)
 * @param retention how long an event is kept after it was last seen (1h–400d)
 * @param batchSize events written per statement batch (1–5,000)
 * @param flushInterval how often the leader writes what the cache changed (100ms–5m)
 * @param purgeInterval how often the leader deletes beyond retention and the row bound (1s–1d)
 * @param maxRowsPerCluster the safety bound: the oldest rows beyond it are deleted (1,000–100M)
 * @param maxBuffered changes held per cluster between flushes; beyond it the next flush re-reads
 *     the cache instead (≥ batch-size, ≤ 1M)
 * @param maxRange the longest time range a search may cover (1h–400d)
 * @param maxExportRows rows an export writes at most (1–1M)
 * @param maxTimelineObjects objects a timeline gathers at most (object, owners, owned, pods;
 *     1–5,000)
 */
public record EventSettings(
    boolean enabled,
    Duration retention,
    int batchSize,
    Duration flushInterval,
    Duration purgeInterval,
    long maxRowsPerCluster,
    int maxBuffered,
    Duration maxRange,
    int maxExportRows,
    int maxTimelineObjects) {

  public EventSettings {
    within("retention", retention, Duration.ofHours(1), Duration.ofDays(400));
    within("flush-interval", flushInterval, Duration.ofMillis(100), Duration.ofMinutes(5));
    within("purge-interval", purgeInterval, Duration.ofSeconds(1), Duration.ofDays(1));
    within("max-range", maxRange, Duration.ofHours(1), Duration.ofDays(400));
    within("batch-size", batchSize, 1, 5_000);
    within("max-rows-per-cluster", maxRowsPerCluster, 1_000, 100_000_000);
    within("max-buffered", maxBuffered, batchSize, 1_000_000);
    within("max-export-rows", maxExportRows, 1, 1_000_000);
    within("max-timeline-objects", maxTimelineObjects, 1, 5_000);
  }

  /** The defaults (7 days, batches of 500 every 5 s, 1M rows per cluster). */
  public static EventSettings defaults() {
    return new EventSettings(
        true,
        Duration.ofDays(7),
        500,
        Duration.ofSeconds(5),
        Duration.ofMinutes(10),
        1_000_000,
        50_000,
        Duration.ofDays(31),
        100_000,
        500);
  }

  private static void within(String name, Duration value, Duration min, Duration max) {
    if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw new IllegalArgumentException(
          "kubeward.events." + name + " must be from " + min + " to " + max + ", not " + value);
    }
  }

  private static void within(String name, long value, long min, long max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          "kubeward.events." + name + " must be from " + min + " to " + max + ", not " + value);
    }
  }
}
