package io.kubeward.history.app;

import io.kubeward.history.domain.HistoryTarget;
import io.kubeward.history.domain.RawSample;
import io.kubeward.history.domain.RollupSample;
import io.kubeward.history.domain.UsageValues;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** The history store's contract in memory, for use-case tests. */
final class InMemoryHistoryStore implements HistoryStore {

  record Series(long id, String cluster, String key, long lastSample) {}

  final Map<String, Series> series = new HashMap<>();
  final List<RawSample> raw = new ArrayList<>();
  final List<RollupSample> rollups = new ArrayList<>();
  final Map<String, Instant> rolledUpTo = new HashMap<>();
  int statements;
  private long next = 1;

  @Override
  public synchronized void append(
      String cluster, Instant at, Map<HistoryTarget, UsageValues> samples) {
    statements++;
    samples.forEach(
        (target, values) -> {
          Series s =
              series.computeIfAbsent(
                  cluster + "/" + target.key(),
                  k -> new Series(next++, cluster, target.key(), at.toEpochMilli()));
          raw.add(new RawSample(s.id(), at.toEpochMilli(), values));
        });
  }

  @Override
  public synchronized Optional<Long> series(String cluster, HistoryTarget target) {
    return Optional.ofNullable(series.get(cluster + "/" + target.key())).map(Series::id);
  }

  private List<Long> idsOf(String cluster) {
    return series.values().stream()
        .filter(s -> s.cluster().equals(cluster))
        .map(Series::id)
        .toList();
  }

  @Override
  public synchronized List<RawSample> raw(long id, Instant from, Instant to) {
    return raw.stream()
        .filter(
            r -> r.seriesId() == id && r.t() >= from.toEpochMilli() && r.t() < to.toEpochMilli())
        .sorted(Comparator.comparingLong(RawSample::t))
        .toList();
  }

  @Override
  public synchronized List<RollupSample> rollups(long id, Instant from, Instant to) {
    return rollups.stream()
        .filter(
            r -> r.seriesId() == id && r.t() >= from.toEpochMilli() && r.t() < to.toEpochMilli())
        .sorted(Comparator.comparingLong(RollupSample::t))
        .toList();
  }

  @Override
  public synchronized List<RawSample> rawOfCluster(String cluster, Instant from, Instant to) {
    List<Long> ids = idsOf(cluster);
    return raw.stream()
        .filter(
            r ->
                ids.contains(r.seriesId())
                    && r.t() >= from.toEpochMilli()
                    && r.t() < to.toEpochMilli())
        .toList();
  }

  @Override
  public synchronized void saveRollups(
      String cluster, Instant from, Instant to, List<RollupSample> newRollups) {
    statements++;
    List<Long> ids = idsOf(cluster);
    rollups.removeIf(
        r ->
            ids.contains(r.seriesId())
                && r.t() >= from.toEpochMilli()
                && r.t() < to.toEpochMilli());
    rollups.addAll(newRollups);
    for (RollupSample r : newRollups) {
      series.replaceAll(
          (k, s) ->
              s.id() == r.seriesId()
                  ? new Series(s.id(), s.cluster(), s.key(), to.toEpochMilli())
                  : s);
    }
    rolledUpTo.put(cluster, to);
  }

  @Override
  public synchronized Optional<Instant> rolledUpTo(String cluster) {
    return Optional.ofNullable(rolledUpTo.get(cluster));
  }

  @Override
  public synchronized Optional<Instant> oldestRaw(String cluster) {
    List<Long> ids = idsOf(cluster);
    return raw.stream()
        .filter(r -> ids.contains(r.seriesId()))
        .map(RawSample::t)
        .min(Long::compare)
        .map(Instant::ofEpochMilli);
  }

  @Override
  public synchronized Optional<Instant> oldestRollup(String cluster) {
    List<Long> ids = idsOf(cluster);
    return rollups.stream()
        .filter(r -> ids.contains(r.seriesId()))
        .map(RollupSample::t)
        .min(Long::compare)
        .map(Instant::ofEpochMilli);
  }

  @Override
  public synchronized int deleteRaw(String cluster, Instant from, Instant to) {
    statements++;
    List<Long> ids = idsOf(cluster);
    int before = raw.size();
    raw.removeIf(
        r ->
            ids.contains(r.seriesId())
                && r.t() >= from.toEpochMilli()
                && r.t() < to.toEpochMilli());
    return before - raw.size();
  }

  @Override
  public synchronized int deleteRollups(String cluster, Instant from, Instant to) {
    statements++;
    List<Long> ids = idsOf(cluster);
    int before = rollups.size();
    rollups.removeIf(
        r ->
            ids.contains(r.seriesId())
                && r.t() >= from.toEpochMilli()
                && r.t() < to.toEpochMilli());
    return before - rollups.size();
  }

  @Override
  public synchronized int deleteIdleSeries(String cluster, Instant before) {
    int n = series.size();
    series
        .values()
        .removeIf(
            s ->
                s.cluster().equals(cluster)
                    && s.lastSample() < before.toEpochMilli()
                    && raw.stream().noneMatch(r -> r.seriesId() == s.id())
                    && rollups.stream().noneMatch(r -> r.seriesId() == s.id()));
    return n - series.size();
  }

  @Override
  public synchronized List<String> clusters() {
    return new ArrayList<>(new TreeSet<>(series.values().stream().map(Series::cluster).toList()));
  }

  @Override
  public synchronized Usage usage(String cluster) {
    List<Long> ids = idsOf(cluster);
    return new Usage(
        cluster,
        ids.size(),
        raw.stream().filter(r -> ids.contains(r.seriesId())).count(),
        rollups.stream().filter(r -> ids.contains(r.seriesId())).count());
  }
}
