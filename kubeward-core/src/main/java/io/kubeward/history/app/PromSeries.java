package io.kubeward.history.app;

import java.util.List;
import java.util.Map;

/**
 * One series of a PromQL answer: its labels and its points, epoch milliseconds and Prometheus'
 * value (non-finite values {@code NaN}, {@code +Inf} kept as doubles).
 */
public record PromSeries(Map<String, String> labels, List<Sample> points) {

  public PromSeries {
    labels = Map.copyOf(labels);
    points = List.copyOf(points);
  }

  /** One point. */
  public record Sample(long t, double v) {}
}
