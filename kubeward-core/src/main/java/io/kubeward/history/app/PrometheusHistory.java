package io.kubeward.history.app;

import io.kubeward.history.domain.History;
import io.kubeward.history.domain.HistoryMetric;
import io.kubeward.history.domain.HistoryTarget;
import io.kubeward.history.domain.HistoryWindow;
import io.kubeward.history.domain.MetricFamily;
import io.kubeward.history.domain.Missing;
import io.kubeward.history.domain.Point;
import io.kubeward.history.domain.PromQueries;
import io.kubeward.history.domain.PrometheusSettings;
import io.kubeward.history.domain.Series;
import io.kubeward.history.domain.SourceKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * History from a cluster's Prometheus: one range query per metric ({@link PromQueries}). The metric
 * families present are detected once and remembered for {@value #FAMILIES_TTL_MINUTES} minutes; a
 * metric whose family is missing is not asked for and is listed as missing, with the family it
 * needs.
 */
public final class PrometheusHistory implements HistorySource {

  static final long FAMILIES_TTL_MINUTES = 10;
  static final int MAX_METRIC_NAMES = 50_000;

  private final PrometheusConfigStore configs;
  private final PrometheusApi api;
  private final Clock clock;
  private final Map<String, Families> families = new ConcurrentHashMap<>();

  private record Families(PrometheusSettings settings, Set<MetricFamily> present, Instant at) {}

  public PrometheusHistory(PrometheusConfigStore configs, PrometheusApi api, Clock clock) {
    this.configs = configs;
    this.api = api;
    this.clock = clock;
  }

  @Override
  public SourceKind kind() {
    return SourceKind.PROMETHEUS;
  }

  @Override
  public Duration minStep() {
    return Duration.ofSeconds(15);
  }

  /** Whether the cluster has a Prometheus configured. */
  public boolean configured(String cluster) {
    return configs.find(cluster).isPresent();
  }

  @Override
  public History history(String cluster, HistoryTarget target, HistoryWindow window) {
    PrometheusSettings settings =
        configs
            .find(cluster)
            .orElseThrow(() -> PrometheusException.notConfigured(cluster))
            .settings();
    Set<MetricFamily> present = families(cluster, settings);
    List<Series> series = new ArrayList<>();
    List<Missing> missing = new ArrayList<>();
    for (HistoryMetric metric : HistoryMetric.values()) {
      PromQueries.Query query = PromQueries.of(target, metric, window.step()).orElse(null);
      if (query == null) {
        continue;
      }
      if (!present.contains(query.needs())) {
        missing.add(
            new Missing(
                metric,
                "needs-" + query.needs().wireName(),
                metric.wireName()
                    + " needs "
                    + query.needs().wireName()
                    + " metrics, which this Prometheus does not have"));
        continue;
      }
      PromResult result =
          api.range(cluster, settings, query.promql(), window.start(), window.end(), window.step());
      List<Point> points = new ArrayList<>();
      if (!result.series().isEmpty()) {
        for (PromSeries.Sample s : result.series().getFirst().points()) {
          if (Double.isFinite(s.v())) {
            points.add(new Point(s.t(), s.v()));
          }
        }
      }
      if (points.isEmpty()) {
        missing.add(
            new Missing(
                metric, "no-data", "Prometheus has no " + metric.wireName() + " data here"));
      } else {
        series.add(Series.of(metric, points));
      }
    }
    return new History(SourceKind.PROMETHEUS, window, series, missing, null);
  }

  /** The families this cluster's Prometheus has, detected at most every 10 minutes. */
  public Set<MetricFamily> families(String cluster, PrometheusSettings settings) {
    Instant now = clock.instant();
    Families known = families.get(cluster);
    if (known != null
        && known.settings().equals(settings)
        && known.at().plus(Duration.ofMinutes(FAMILIES_TTL_MINUTES)).isAfter(now)) {
      return known.present();
    }
    Set<MetricFamily> present =
        MetricFamily.detect(api.metricNames(cluster, settings, MAX_METRIC_NAMES));
    families.put(cluster, new Families(settings, present, now));
    return present;
  }

  /** Forgets what was detected (the settings changed). */
  public void forget(String cluster) {
    families.remove(cluster);
  }
}
