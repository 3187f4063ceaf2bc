package io.kubeward.history.app;

import io.kubeward.history.domain.History;
import io.kubeward.history.domain.HistoryMetric;
import io.kubeward.history.domain.HistoryTarget;
import io.kubeward.history.domain.HistoryWindow;
import io.kubeward.history.domain.Missing;
import io.kubeward.history.domain.Point;
import io.kubeward.history.domain.RawSample;
import io.kubeward.history.domain.RollupSample;
import io.kubeward.history.domain.Rollups;
import io.kubeward.history.domain.Series;
import io.kubeward.history.domain.SourceKind;
import io.kubeward.history.domain.TargetKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * History from Kubeward's own database: raw samples where the window is within the raw retention
 * and not yet rolled up, the rollups' averages before; both averaged into the window's steps.
 * Network and filesystem need Prometheus.
 */
public final class BuiltInHistory implements HistorySource {

  private final HistoryStore store;
  private final HistorySettings settings;
  private final Clock clock;

  public BuiltInHistory(HistoryStore store, HistorySettings settings, Clock clock) {
    this.store = store;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public SourceKind kind() {
    return SourceKind.BUILT_IN;
  }

  @Override
  public Duration minStep() {
    return settings.sampleInterval();
  }

  /** Whether anything was ever sampled in this cluster. */
  public boolean hasData(String cluster) {
    return store.series(cluster, HistoryTarget.cluster()).isPresent();
  }

  @Override
  public History history(String cluster, HistoryTarget target, HistoryWindow window) {
    List<Missing> missing = new ArrayList<>();
    for (HistoryMetric metric : HistoryMetric.values()) {
      if (!metric.builtIn()) {
        missing.add(
            new Missing(
                metric,
                "needs-prometheus",
                metric.wireName()
                    + " needs Prometheus (cAdvisor or node-exporter); the built-in history keeps"
                    + " CPU, memory and pods"));
      }
    }
    Optional<Long> series = store.series(cluster, target);
    if (series.isEmpty()) {
      String reason =
          target.kind() == TargetKind.WORKLOAD
                  || target.kind() == TargetKind.POD
                  || target.kind() == TargetKind.CONTAINER
              ? "not among the "
                  + limitOf(target)
                  + " workloads or pods with the highest CPU or"
                  + " memory that the built-in history keeps"
              : "not sampled (yet)";
      for (HistoryMetric metric : HistoryMetric.values()) {
        if (metric.builtIn()) {
          missing.add(new Missing(metric, "not-sampled", metric.wireName() + ": " + reason));
        }
      }
      return new History(SourceKind.BUILT_IN, window, List.of(), missing, null);
    }
    long id = series.get();
    Instant rawFrom = clock.instant().minus(settings.rawRetention());
    Instant rolledUpTo = store.rolledUpTo(cluster).orElse(Instant.EPOCH);
    List<List<Point>> points = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    Instant rawStart = window.start();
    if (window.start().isBefore(rawFrom)) {
      Instant rollupEnd = rolledUpTo.isBefore(window.end()) ? rolledUpTo : window.end();
      for (RollupSample r : store.rollups(id, window.start(), rollupEnd)) {
        add(points, r.t(), r.avg().cpu(), r.avg().memory(), r.avg().pods());
      }
      rawStart = rollupEnd.isAfter(window.start()) ? rollupEnd : window.start();
    }
    Instant rawEnd = window.end().plusMillis(1);
    if (rawStart.isBefore(rawEnd)) {
      for (RawSample s : store.raw(id, rawStart, rawEnd)) {
        add(points, s.t(), s.values().cpu(), s.values().memory(), s.values().pods());
      }
    }
    List<Series> out = new ArrayList<>();
    HistoryMetric[] metrics = {HistoryMetric.CPU, HistoryMetric.MEMORY, HistoryMetric.PODS};
    for (int i = 0; i < metrics.length; i++) {
      List<Point> stepped =
          Rollups.toSteps(
              points.get(i),
              window.start().toEpochMilli(),
              window.end().toEpochMilli(),
              window.step());
      if (stepped.isEmpty()) {
        missing.add(
            new Missing(metrics[i], "no-data", "no " + metrics[i].wireName() + " samples here"));
      } else {
        out.add(Series.of(metrics[i], stepped));
      }
    }
    return new History(SourceKind.BUILT_IN, window, out, missing, null);
  }

  private int limitOf(HistoryTarget target) {
    return target.kind() == TargetKind.POD ? settings.maxPods() : settings.maxWorkloads();
  }

  private static void add(List<List<Point>> points, long t, Double cpu, Double mem, Double pods) {
    if (cpu != null) {
      points.get(0).add(new Point(t, cpu));
    }
    if (mem != null) {
      points.get(1).add(new Point(t, mem));
    }
    if (pods != null) {
      points.get(2).add(new Point(t, pods));
    }
  }
}
