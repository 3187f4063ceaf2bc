package io.kubeward.history.app;

import java.time.Duration;

/**
 * The bounds of every Prometheus request (typed configuration, validated at start-up).
 *
 * @param connectTimeout TCP and TLS connect timeout
 * @param maxTimeout the longest request timeout an admin may configure
 * @param maxResponseBytes Kubeward stops reading an answer beyond this many bytes
 * @param maxSeries series kept of one answer; the rest is left out ({@code truncated})
 * @param maxPoints points kept of one answer (all series together)
 * @param maxPointsPerSeries the most points a range query may ask per series (Prometheus' own limit
 *     is 11,000)
 * @param maxRange the longest range a query may cover
 * @param maxConcurrent Prometheus requests under way at once (all clusters); more get 503
 * @param maxQueryLength characters of PromQL accepted
 */
public record PromLimits(
    Duration connectTimeout,
    Duration maxTimeout,
    long maxResponseBytes,
    int maxSeries,
    int maxPoints,
    int maxPointsPerSeries,
    Duration maxRange,
    int maxConcurrent,
    int maxQueryLength) {

  public PromLimits {
    positive("connect-timeout", connectTimeout);
    positive("max-timeout", maxTimeout);
    positive("max-range", maxRange);
    if (maxTimeout.compareTo(Duration.ofMinutes(5)) > 0) {
      throw new IllegalArgumentException("max-timeout must be at most 5m, is " + maxTimeout);
    }
    if (maxResponseBytes < 1024 || maxResponseBytes > 512L * 1024 * 1024) {
      throw new IllegalArgumentException("max-response-bytes must be between 1 KiB and 512 MiB");
    }
    if (maxSeries < 1 || maxSeries > 100_000) {
      throw new IllegalArgumentException("max-series must be between 1 and 100000");
    }
    if (maxPoints < 1 || maxPoints > 10_000_000) {
      throw new IllegalArgumentException("max-points must be between 1 and 10000000");
    }
    if (maxPointsPerSeries < 2 || maxPointsPerSeries > 11_000) {
      throw new IllegalArgumentException("max-points-per-series must be between 2 and 11000");
    }
    if (maxConcurrent < 1 || maxConcurrent > 1000) {
      throw new IllegalArgumentException("max-concurrent must be between 1 and 1000");
    }
    if (maxQueryLength < 16 || maxQueryLength > 1_000_000) {
      throw new IllegalArgumentException("max-query-length must be between 16 and 1000000");
    }
  }

  private static void positive(String name, Duration value) {
    if (value == null || !value.isPositive()) {
      throw new IllegalArgumentException(name + " must be positive, is " + value);
    }
  }

  public static PromLimits defaults() {
    return new PromLimits(
        Duration.ofSeconds(5),
        Duration.ofSeconds(60),
        32L * 1024 * 1024,
        500,
        500_000,
        11_000,
        Duration.ofDays(32),
        16,
        20_000);
  }
}
