package io.kubeward.rightsizing.domain;

import java.util.Arrays;

/** Percentiles by the nearest-rank method: p90 of 1..100 is exactly 90, p100 the peak. */
public final class Percentiles {

  private Percentiles() {}

  /** The {@code p}-th percentile (0 < p ≤ 100) of {@code values}; NaN when there are none. */
  public static double nearestRank(double[] values, double p) {
    if (values.length == 0) {
      return Double.NaN;
    }
    if (!(p > 0 && p <= 100)) {
      throw new IllegalArgumentException("percentile must be in (0, 100], is " + p);
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.length - 1e-9);
    return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
  }
}
