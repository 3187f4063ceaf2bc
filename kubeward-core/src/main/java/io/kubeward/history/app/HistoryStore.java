package io.kubeward.history.app;

import io.kubeward.history.domain.HistoryTarget;
import io.kubeward.history.domain.RawSample;
import io.kubeward.history.domain.RollupSample;
import io.kubeward.history.domain.UsageValues;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Port: the built-in history in Kubeward's database. Raw samples and rollups are keyed by a series
 * (one per cluster and target) and epoch milliseconds.
 */
public interface HistoryStore {

  /** Stores one sample of each target at {@code at}; creates series as needed. */
  void append(String cluster, Instant at, Map<HistoryTarget, UsageValues> samples);

  /** The series id of a target, if it was ever sampled. */
  Optional<Long> series(String cluster, HistoryTarget target);

  /** Raw samples of one series in {@code [from, to)}, oldest first. */
  List<RawSample> raw(long series, Instant from, Instant to);

  /** Rollups of one series whose bucket starts in {@code [from, to)}, oldest first. */
  List<RollupSample> rollups(long series, Instant from, Instant to);

  /** Raw samples of every series of a cluster in {@code [from, to)} (one rollup bucket). */
  List<RawSample> rawOfCluster(String cluster, Instant from, Instant to);

  /** Replaces the rollups of a cluster's bucket {@code [from, to)} by {@code rollups}. */
  void saveRollups(String cluster, Instant from, Instant to, List<RollupSample> rollups);

  /** The end of the last bucket rolled up, if any. */
  Optional<Instant> rolledUpTo(String cluster);

  /** The time of the oldest raw sample of a cluster. */
  Optional<Instant> oldestRaw(String cluster);

  /** The start of the oldest rollup of a cluster. */
  Optional<Instant> oldestRollup(String cluster);

  /** Deletes a cluster's raw samples in {@code [from, to)}; returns how many. */
  int deleteRaw(String cluster, Instant from, Instant to);

  /** Deletes a cluster's rollups in {@code [from, to)}; returns how many. */
  int deleteRollups(String cluster, Instant from, Instant to);

  /** Deletes a cluster's series that have had no sample since {@code before}; returns how many. */
  int deleteIdleSeries(String cluster, Instant before);

  /** The clusters that have stored history (including clusters removed since). */
  List<String> clusters();

  /** How much a cluster stores. */
  record Usage(String cluster, long series, long rawRows, long rollupRows) {}

  Usage usage(String cluster);
}
