package io.kubeward.rightsizing.domain;

import java.time.Duration;

/**
 * How recommendations are computed (typed configuration {@code kubeward.rightsizing.*}, validated
 * at start-up; ADR 0048).
 *
 * @param window how far back usage is read (1h..32d)
 * @param cpuPercentile the percentile of CPU usage a request covers (50..100)
 * @param memoryPercentile the percentile of memory usage (50..100; 100 = the peak)
 * @param cpuMargin the headroom added to the CPU percentile (0..1, 0.15 = 15 %)
 * @param memoryMargin the headroom added to the memory percentile (0..1)
 * @param cpuFloorMillis the smallest CPU request recommended (1..1000 m)
 * @param memoryFloorBytes the smallest memory request recommended (1 Mi..1 Gi)
 * @param mediumSamples samples needed for a medium confidence (≥ 1)
 * @param highSamples samples needed for a high confidence (≥ mediumSamples)
 * @param mediumCoverage share of the window covered by samples for a medium confidence (0..1)
 * @param highCoverage share of the window covered for a high confidence (≥ mediumCoverage)
 * @param tolerance a request within this share of the recommendation is right-sized (0..1)
 * @param idleCpuMillis a container whose CPU percentile stays at or below this is idle
 */
public record RightsizingPolicy(
    Duration window,
    double cpuPercentile,
    double memoryPercentile,
    double cpuMargin,
    double memoryMargin,
    long cpuFloorMillis,
    long memoryFloorBytes,
    int mediumSamples,
    int highSamples,
    double mediumCoverage,
    double highCoverage,
    double tolerance,
    long idleCpuMillis) {

  public static final long MI = 1024L * 1024L;

  public RightsizingPolicy {
    if (window == null
        || window.compareTo(Duration.ofHours(1)) < 0
        || window.compareTo(Duration.ofDays(32)) > 0) {
      throw new IllegalArgumentException("window must be between 1h and 32d, is " + window);
    }
    between("cpu-percentile", cpuPercentile, 50, 100);
    between("memory-percentile", memoryPercentile, 50, 100);
    between("cpu-margin", cpuMargin, 0, 1);
    between("memory-margin", memoryMargin, 0, 1);
    between("cpu-floor", cpuFloorMillis, 1, 1000);
    between("memory-floor", memoryFloorBytes, MI, 1024 * MI);
    between("medium-samples", mediumSamples, 1, 1_000_000);
    between("high-samples", highSamples, mediumSamples, 1_000_000);
    between("medium-coverage", mediumCoverage, 0, 1);
    between("high-coverage", highCoverage, mediumCoverage, 1);
    between("tolerance", tolerance, 0, 1);
    between("idle-cpu", idleCpuMillis, 0, 1000);
  }

  public static RightsizingPolicy defaults() {
    return new RightsizingPolicy(
        Duration.ofDays(7), 90, 100, 0.15, 0.15, 10, 32 * MI, 60, 1000, 0.25, 0.8, 0.1, 5);
  }

  private static void between(String what, double value, double min, double max) {
    if (Double.isNaN(value) || value < min || value > max) {
      throw new IllegalArgumentException(
          what + " must be between " + min + " and " + max + ", is " + value);
    }
  }
}
