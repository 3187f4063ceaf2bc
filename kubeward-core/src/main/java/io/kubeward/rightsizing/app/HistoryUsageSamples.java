package io.kubeward.rightsizing.app;

import io.kubeward.history.app.HistorySettings;
import io.kubeward.history.app.HistoryStore;
import io.kubeward.history.app.PrometheusHistory;
import io.kubeward.history.domain.History;
import io.kubeward.history.domain.HistoryMetric;
import io.kubeward.history.domain.HistoryTarget;
import io.kubeward.history.domain.HistoryWindow;
import io.kubeward.history.domain.Point;
import io.kubeward.history.domain.RawSample;
import io.kubeward.history.domain.RollupSample;
import io.kubeward.history.domain.Series;
import io.kubeward.rightsizing.domain.UsageSample;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Usage samples from the history feature (ADR 0048): Prometheus when the cluster has one ({@code
 * container_cpu_usage_seconds_total} and {@code container_memory_working_set_bytes} of the
 * container, the busiest pod at each step), else the built-in history's container series: raw
 * samples where kept, before that its rollups (CPU: the bucket's average, memory: its maximum, so
 * that a peak survives the rollup).
 */
public final class HistoryUsageSamples implements UsageSamples {

  /** Prometheus steps: at most this many points per window (it allows 11,000). */
  static final int MAX_PROMETHEUS_POINTS = 10_000;

  private final HistoryStore store;
  private final PrometheusHistory prometheus;
  private final HistorySettings settings;
  private final Clock clock;

  public HistoryUsageSamples(
      HistoryStore store, PrometheusHistory prometheus, HistorySettings settings, Clock clock) {
    this.store = store;
    this.prometheus = prometheus;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public String source(String cluster) {
    if (prometheus.configured(cluster)) {
      return "prometheus";
    }
    return settings.enabled() ? "built-in" : "none";
  }

  @Override
  public List<UsageSample> samples(
      String cluster, HistoryTarget container, Instant from, Instant to) {
    if (prometheus.configured(cluster)) {
      return fromPrometheus(cluster, container, from, to);
    }
    return store
        .series(cluster, container)
        .map(id -> fromStore(cluster, id, from, to))
        .orElse(List.of());
  }

  /**
   * Raw samples are kept from the raw retention's start (and, while rollups lag, from where they
   * stop); before that only rollups exist. Raw samples are read wherever they exist, so that a
   * percentile over the last day is one of exact samples, not of bucket averages.
   */
  private List<UsageSample> fromStore(String cluster, long id, Instant from, Instant to) {
    List<UsageSample> out = new ArrayList<>();
    Instant rawFrom = clock.instant().minus(settings.rawRetention());
    Instant rolledUpTo = store.rolledUpTo(cluster).orElse(Instant.EPOCH);
    Instant boundary = rolledUpTo.isBefore(rawFrom) ? rolledUpTo : rawFrom;
    Instant rawStart = from;
    if (from.isBefore(boundary)) {
      Instant rollupEnd = boundary.isBefore(to) ? boundary : to;
      for (RollupSample r : store.rollups(id, from, rollupEnd)) {
        out.add(new UsageSample(r.t(), r.avg().cpu(), r.max().memory()));
      }
      rawStart = rollupEnd;
    }
    if (rawStart.isBefore(to)) {
      for (RawSample s : store.raw(id, rawStart, to)) {
        out.add(new UsageSample(s.t(), s.values().cpu(), s.values().memory()));
      }
    }
    return out;
  }

  private List<UsageSample> fromPrometheus(
      String cluster, HistoryTarget container, Instant from, Instant to) {
    Duration step =
        Duration.ofSeconds(
            Math.max(60, Duration.between(from, to).toSeconds() / MAX_PROMETHEUS_POINTS + 1));
    History history = prometheus.history(cluster, container, new HistoryWindow(from, to, step));
    Map<Long, Double[]> byTime = new TreeMap<>();
    for (Series s : history.series()) {
      int slot = s.metric() == HistoryMetric.CPU ? 0 : s.metric() == HistoryMetric.MEMORY ? 1 : -1;
      if (slot < 0) {
        continue;
      }
      for (Point p : s.points()) {
        byTime.computeIfAbsent(p.t(), t -> new Double[2])[slot] = p.v();
      }
    }
    List<UsageSample> out = new ArrayList<>(byTime.size());
    byTime.forEach((t, v) -> out.add(new UsageSample(t, v[0], v[1])));
    return out;
  }
}
