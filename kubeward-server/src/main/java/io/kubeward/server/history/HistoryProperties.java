package io.kubeward.server.history;

import io.kubeward.history.app.HistorySettings;
import io.kubeward.history.app.PromLimits;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * History, Prometheus and PromQL ({@code kubeward.history.*}, ADR 0021); validated when bound, so a
 * wrong value stops the start with a message.
 *
 * @param enabled sample clusters without Prometheus into the database (the built-in history)
 * @param sampleInterval how often the leader samples each cluster's metrics API (10s–10m)
 * @param rawRetention how long raw samples are kept (≤ 7d)
 * @param rollupInterval one rollup bucket (average and maximum); a whole number of samples
 * @param rollupRetention how long rollups are kept (≥ raw-retention, ≤ 400d)
 * @param maxWorkloads workloads kept per sample: top N by CPU plus top N by memory
 * @param maxPods pods kept per sample: top N by CPU plus top N by memory
 * @param compactInterval how often rollups and deletions beyond retention run
 * @param maxRange the longest history window a chart may ask for
 * @param prometheus the bounds of every Prometheus request
 */
@ConfigurationProperties("kubeward.history")
public record HistoryProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("30s") Duration sampleInterval,
    @DefaultValue("24h") Duration rawRetention,
    @DefaultValue("5m") Duration rollupInterval,
    @DefaultValue("30d") Duration rollupRetention,
    @DefaultValue("200") int maxWorkloads,
    @DefaultValue("200") int maxPods,
    @DefaultValue("1m") Duration compactInterval,
    @DefaultValue("32d") Duration maxRange,
    @DefaultValue Prometheus prometheus) {

  /**
   * The bounds of Prometheus requests.
   *
   * @param connectTimeout TCP/TLS connect timeout
   * @param maxTimeout the longest request timeout an admin may configure per cluster (≤ 5m)
   * @param maxResponseBytes bytes of one answer read at most
   * @param maxSeries series of one answer kept (the rest: {@code truncated})
   * @param maxPoints points of one answer kept, all series together
   * @param maxPointsPerSeries points per series a range query may ask (Prometheus allows 11,000)
   * @param maxRange the longest range a PromQL range query may cover
   * @param maxConcurrent Prometheus requests under way at once; more get 503 at once
   * @param maxQueryLength characters of PromQL accepted
   */
  public record Prometheus(
      @DefaultValue("5s") Duration connectTimeout,
      @DefaultValue("60s") Duration maxTimeout,
      @DefaultValue("32MB") DataSize maxResponseBytes,
      @DefaultValue("500") int maxSeries,
      @DefaultValue("500000") int maxPoints,
      @DefaultValue("11000") int maxPointsPerSeries,
      @DefaultValue("32d") Duration maxRange,
      @DefaultValue("16") int maxConcurrent,
      @DefaultValue("20000") int maxQueryLength) {

    public Prometheus {
      limits(
          connectTimeout,
          maxTimeout,
          maxResponseBytes,
          maxSeries,
          maxPoints,
          maxPointsPerSeries,
          maxRange,
          maxConcurrent,
          maxQueryLength);
    }

    public PromLimits limits() {
      return limits(
          connectTimeout,
          maxTimeout,
          maxResponseBytes,
          maxSeries,
          maxPoints,
          maxPointsPerSeries,
          maxRange,
          maxConcurrent,
          maxQueryLength);
    }

    private static PromLimits limits(
        Duration connectTimeout,
        Duration maxTimeout,
        DataSize maxResponseBytes,
        int maxSeries,
        int maxPoints,
        int maxPointsPerSeries,
        Duration maxRange,
        int maxConcurrent,
        int maxQueryLength) {
      if (maxResponseBytes == null) {
        throw new IllegalArgumentException("max-response-bytes is required");
      }
      return new PromLimits(
          connectTimeout,
          maxTimeout,
          maxResponseBytes.toBytes(),
          maxSeries,
          maxPoints,
          maxPointsPerSeries,
          maxRange,
          maxConcurrent,
          maxQueryLength);
    }
  }

  public HistoryProperties {
    settings(
        enabled,
        sampleInterval,
        rawRetention,
        rollupInterval,
        rollupRetention,
        maxWorkloads,
        maxPods,
        compactInterval,
        maxRange);
    if (prometheus == null) {
      throw new IllegalArgumentException("prometheus settings are required");
    }
  }

  public HistorySettings settings() {
    return settings(
        enabled,
        sampleInterval,
        rawRetention,
        rollupInterval,
        rollupRetention,
        maxWorkloads,
        maxPods,
        compactInterval,
        maxRange);
  }

  private static HistorySettings settings(
      boolean enabled,
      Duration sampleInterval,
      Duration rawRetention,
      Duration rollupInterval,
      Duration rollupRetention,
      int maxWorkloads,
      int maxPods,
      Duration compactInterval,
      Duration maxRange) {
    return new HistorySettings(
        enabled,
        sampleInterval,
        rawRetention,
        rollupInterval,
        rollupRetention,
        maxWorkloads,
        maxPods,
        compactInterval,
        maxRange);
  }
}
