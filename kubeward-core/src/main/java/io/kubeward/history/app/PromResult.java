package io.kubeward.history.app;

import java.util.List;

/**
 * A PromQL answer as Kubeward passes it on: the result type ({@code matrix}, {@code vector}, {@code
 * scalar}, {@code string}), at most the configured number of series and points, and whether
 * anything was left out ({@code truncated}: too many series or points, or more bytes than Kubeward
 * reads).
 */
public record PromResult(
    String resultType, List<PromSeries> series, boolean truncated, List<String> warnings) {

  public PromResult {
    series = List.copyOf(series);
    warnings = List.copyOf(warnings);
  }
}
