package io.kubeward.history.domain;

import java.util.List;

/** The points of one metric over a window, oldest first. */
public record Series(HistoryMetric metric, String unit, List<Point> points) {

  public Series {
    points = List.copyOf(points);
  }

  public static Series of(HistoryMetric metric, List<Point> points) {
    return new Series(metric, metric.unit(), points);
  }
}
