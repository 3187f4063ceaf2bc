package io.kubeward.history.domain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Downsampling, pure: raw samples into rollup buckets (average and maximum per metric, buckets
 * aligned to multiples of their length since the epoch), and any series into chart steps.
 */
public final class Rollups {

  private Rollups() {}

  /** The start of the bucket of length {@code bucket} that holds {@code t}. */
  public static long bucketOf(long t, Duration bucket) {
    long b = bucket.toMillis();
    return Math.floorDiv(t, b) * b;
  }

  /** Raw samples (of any series, in any order) as one rollup per series and bucket. */
  public static List<RollupSample> rollup(List<RawSample> raw, Duration bucket) {
    Map<Long, Map<Long, Acc>> bySeries = new TreeMap<>();
    for (RawSample s : raw) {
      bySeries
          .computeIfAbsent(s.seriesId(), k -> new TreeMap<>())
          .computeIfAbsent(bucketOf(s.t(), bucket), k -> new Acc())
          .add(s.values());
    }
    List<RollupSample> out = new ArrayList<>();
    bySeries.forEach(
        (series, buckets) ->
            buckets.forEach(
                (t, acc) -> out.add(new RollupSample(series, t, acc.n, acc.avg(), acc.max()))));
    return out;
  }

  /**
   * Points averaged into steps: each step {@code [start + k*step, start + (k+1)*step)} that holds
   * points becomes one point at its start with their average. Points outside {@code [start, end]}
   * are left out. Input oldest first or not; output oldest first.
   */
  public static List<Point> toSteps(List<Point> points, long start, long end, Duration step) {
    long s = step.toMillis();
    TreeMap<Long, double[]> sums = new TreeMap<>();
    for (Point p : points) {
      if (p.t() < start || p.t() > end || !Double.isFinite(p.v())) {
        continue;
      }
      long k = start + Math.floorDiv(p.t() - start, s) * s;
      double[] acc = sums.computeIfAbsent(k, x -> new double[2]);
      acc[0] += p.v();
      acc[1]++;
    }
    List<Point> out = new ArrayList<>(sums.size());
    sums.forEach((t, acc) -> out.add(new Point(t, acc[0] / acc[1])));
    out.sort(Comparator.comparingLong(Point::t));
    return out;
  }

  private static final class Acc {
    int n;
    final Metric cpu = new Metric();
    final Metric memory = new Metric();
    final Metric pods = new Metric();

    void add(UsageValues v) {
      n++;
      cpu.add(v.cpu());
      memory.add(v.memory());
      pods.add(v.pods());
    }

    UsageValues avg() {
      return new UsageValues(cpu.avg(), memory.avg(), pods.avg());
    }

    UsageValues max() {
      return new UsageValues(cpu.max, memory.max, pods.max);
    }
  }

  private static final class Metric {
    double sum;
    int n;
    Double max;

    void add(Double v) {
      if (v == null || !Double.isFinite(v)) {
        return;
      }
      sum += v;
      n++;
      max = max == null ? v : Math.max(max, v);
    }

    Double avg() {
      return n == 0 ? null : sum / n;
    }
  }
}
