package io.kubeward.history.app;

import io.kubeward.history.domain.PrometheusSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Port: Prometheus' HTTP API, bounded (timeouts, bytes, series, points, concurrency; {@link
 * PromLimits}); the SSRF guard runs before every request. Failures are {@link
 * PrometheusException}s.
 */
public interface PrometheusApi {

  /** An instant query ({@code /api/v1/query}). */
  PromResult query(String cluster, PrometheusSettings settings, String promql, Instant time);

  /** A range query ({@code /api/v1/query_range}); the caller checked the bounds. */
  PromResult range(
      String cluster,
      PrometheusSettings settings,
      String promql,
      Instant start,
      Instant end,
      Duration step);

  /** The names of the metrics Prometheus has ({@code __name__} values), at most {@code max}. */
  List<String> metricNames(String cluster, PrometheusSettings settings, int max);

  /** Prometheus' version ({@code /api/v1/status/buildinfo}), or {@code null} if it does not say. */
  String version(String cluster, PrometheusSettings settings);
}
