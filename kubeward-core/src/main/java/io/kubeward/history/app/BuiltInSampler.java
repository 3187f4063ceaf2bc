package io.kubeward.history.app;

import io.kubeward.history.domain.HistoryTarget;
import io.kubeward.history.domain.RawSample;
import io.kubeward.history.domain.RollupSample;
import io.kubeward.history.domain.Rollups;
import io.kubeward.history.domain.SampleSelection;
import io.kubeward.history.domain.UsageSnapshot;
import io.kubeward.history.domain.UsageValues;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built-in history's work, one pass at a time (the server schedules the passes; time from the
 * injected clock, so tests shift it instead of waiting):
 *
 * <ul>
 *   <li>{@link #sample}: a cluster without Prometheus whose controllers this replica leads (the
 *       runtime's one leader election per cluster, ADR 0014) stores its live usage ({@link
 *       SampleSelection});
 *   <li>{@link #compact}: rolls up finished buckets (average and maximum), deletes raw samples
 *       beyond the raw retention and rollups beyond theirs, one bucket per statement, at most
 *       {@value #MAX_BUCKETS_PER_PASS} buckets per pass, so that a pass never holds the database
 *       long; then series without samples.
 * </ul>
 */
public final class BuiltInSampler {

  private static final Logger log = LoggerFactory.getLogger(BuiltInSampler.class);
  static final int MAX_BUCKETS_PER_PASS = 48;

  private final HistoryStore store;
  private final LiveUsage usage;
  private final PrometheusConfigStore prometheus;
  private final HistorySettings settings;
  private final Clock clock;

  public BuiltInSampler(
      HistoryStore store,
      LiveUsage usage,
      PrometheusConfigStore prometheus,
      HistorySettings settings,
      Clock clock) {
    this.store = store;
    this.usage = usage;
    this.prometheus = prometheus;
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * Samples {@code cluster} once if this replica leads it and it has no Prometheus.
   *
   * @return the number of series stored (0 when nothing was sampled)
   */
  public int sample(String cluster, Predicate<String> leading) {
    if (!settings.enabled() || !leading.test(cluster) || prometheus.find(cluster).isPresent()) {
      return 0;
    }
    Optional<UsageSnapshot> snapshot = usage.snapshot(cluster);
    if (snapshot.isEmpty()) {
      return 0;
    }
    Map<HistoryTarget, UsageValues> samples =
        SampleSelection.select(snapshot.get(), settings.maxWorkloads(), settings.maxPods());
    Instant at = clock.instant();
    store.append(cluster, at, samples);
    return samples.size();
  }

  /** What one compaction pass did. */
  public record Compaction(int bucketsRolledUp, int rawDeleted, int rollupsDeleted, int series) {}

  /** Rolls up and deletes beyond retention for {@code cluster}, bounded per pass. */
  public Compaction compact(String cluster) {
    Instant now = clock.instant();
    Duration bucket = settings.rollupInterval();
    int buckets = 0;
    long lastClosed = Rollups.bucketOf(now.toEpochMilli(), bucket);
    Instant from = store.rolledUpTo(cluster).or(() -> store.oldestRaw(cluster)).orElse(null);
    if (from != null) {
      long b = Rollups.bucketOf(from.toEpochMilli(), bucket);
      long oldestKept = now.minus(settings.rollupRetention()).toEpochMilli();
      b = Math.max(b, Rollups.bucketOf(oldestKept, bucket));
      while (b + bucket.toMillis() <= lastClosed && buckets < MAX_BUCKETS_PER_PASS) {
        Instant start = Instant.ofEpochMilli(b);
        Instant end = start.plus(bucket);
        List<RawSample> raw = store.rawOfCluster(cluster, start, end);
        List<RollupSample> rollups = Rollups.rollup(raw, bucket);
        store.saveRollups(cluster, start, end, rollups);
        buckets++;
        b += bucket.toMillis();
      }
    }
    // raw samples go only once rolled up, even when the rollups lag behind (a long pause)
    Instant rawCutoff = now.minus(settings.rawRetention());
    Instant rolled = store.rolledUpTo(cluster).orElse(Instant.EPOCH);
    int rawDeleted = deleteBefore(cluster, rolled.isBefore(rawCutoff) ? rolled : rawCutoff, true);
    int rollupsDeleted = deleteBefore(cluster, now.minus(settings.rollupRetention()), false);
    int series = store.deleteIdleSeries(cluster, now.minus(settings.rollupRetention()));
    if (buckets + rawDeleted + rollupsDeleted + series > 0) {
      log.debug(
          "Cluster {}: history rolled up {} buckets, deleted {} raw samples, {} rollups, {} series",
          cluster,
          buckets,
          rawDeleted,
          rollupsDeleted,
          series);
    }
    return new Compaction(buckets, rawDeleted, rollupsDeleted, series);
  }

  /** Deletes in bucket-long slices, oldest first, at most {@value #MAX_BUCKETS_PER_PASS}. */
  private int deleteBefore(String cluster, Instant cutoff, boolean raw) {
    Optional<Instant> oldest = raw ? store.oldestRaw(cluster) : store.oldestRollup(cluster);
    if (oldest.isEmpty() || !oldest.get().isBefore(cutoff)) {
      return 0;
    }
    Duration slice = settings.rollupInterval();
    int deleted = 0;
    Instant start = oldest.get();
    for (int i = 0; i < MAX_BUCKETS_PER_PASS && start.isBefore(cutoff); i++) {
      Instant end = start.plus(slice);
      if (end.isAfter(cutoff)) {
        end = cutoff;
      }
      deleted +=
          raw ? store.deleteRaw(cluster, start, end) : store.deleteRollups(cluster, start, end);
      start = end;
    }
    return deleted;
  }
}
