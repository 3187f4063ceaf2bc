package io.kubeward.capacity.app;

import java.time.Duration;
import java.util.List;

/**
 * Capacity planning and what-if (typed configuration, validated where it is built).
 *
 * @param poolLabels node labels a pool is read from, first present wins (1 to 20)
 * @param headroomPercent the share of allocatable kept free, 0 to 90
 * @param forecastLookback how much history a forecast reads, 1h to 32d
 * @param horizonDays how far a forecast looks, 1 to 730 days
 * @param maxForecastNodes a pool with more nodes gets no forecast of its own (its nodes' series are
 *     summed), 1 to 1000
 * @param maxReplicas the most replicas one what-if may add, 1 to 5000
 * @param maxCpuMillis the largest CPU request per pod a what-if accepts, in millicores
 * @param maxMemoryBytes the largest memory request per pod a what-if accepts
 * @param maxDrainPods the most pods one drain what-if re-places, 1 to 100000
 */
public record CapacitySettings(
    List<String> poolLabels,
    int headroomPercent,
    Duration forecastLookback,
    int horizonDays,
    int maxForecastNodes,
    int maxReplicas,
    long maxCpuMillis,
    long maxMemoryBytes,
    int maxDrainPods) {

  public CapacitySettings {
    poolLabels = List.copyOf(poolLabels);
    require(
        !poolLabels.isEmpty() && poolLabels.size() <= 20, "pool-labels must have 1 to 20 labels");
    require(headroomPercent >= 0 && headroomPercent <= 90, "headroom-percent must be 0 to 90");
    require(
        forecastLookback.compareTo(Duration.ofHours(1)) >= 0
            && forecastLookback.compareTo(Duration.ofDays(32)) <= 0,
        "forecast-lookback must be 1h to 32d");
    require(horizonDays >= 1 && horizonDays <= 730, "horizon-days must be 1 to 730");
    require(
        maxForecastNodes >= 1 && maxForecastNodes <= 1000, "max-forecast-nodes must be 1 to 1000");
    require(maxReplicas >= 1 && maxReplicas <= 5000, "max-replicas must be 1 to 5000");
    require(maxCpuMillis >= 1 && maxCpuMillis <= 10_000_000, "max-cpu must be 1m to 10000 cores");
    require(maxMemoryBytes >= 1 && maxMemoryBytes <= 1L << 50, "max-memory must be 1 byte to 1Pi");
    require(maxDrainPods >= 1 && maxDrainPods <= 100_000, "max-drain-pods must be 1 to 100000");
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }
}
