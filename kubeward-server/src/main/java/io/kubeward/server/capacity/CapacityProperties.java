package io.kubeward.server.capacity;

import io.kubeward.capacity.app.CapacitySettings;
import io.kubeward.capacity.domain.NodePools;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Capacity planning and what-if ({@code kubeward.capacity.*}, ADR 0049); a bad value stops the
 * start.
 *
 * @param poolLabels node labels a node pool is read from, first present wins; nodes with none are
 *     in pool {@code default}
 * @param headroomPercent share of allocatable kept free, 0 to 90
 * @param forecastLookback history a forecast reads, 1h to 32d
 * @param horizonDays how far forecasts look, 1 to 730 days
 * @param maxForecastNodes pools with more nodes get no forecast of their own, 1 to 1000
 * @param maxReplicas most replicas one what-if may add, 1 to 5000
 * @param maxCpu largest CPU request per pod a what-if accepts, in cores (up to 10000)
 * @param maxMemory largest memory request per pod a what-if accepts (up to 1PB)
 * @param maxDrainPods most pods one drain what-if re-places, 1 to 100000
 */
@ConfigurationProperties("kubeward.capacity")
public record CapacityProperties(
    @DefaultValue({
          "kubeward.io/pool",
          "cloud.google.com/gke-nodepool",
          "eks.amazonaws.com/nodegroup",
          "kubernetes.azure.com/agentpool",
          "node.kubernetes.io/instance-type"
        })
        List<String> poolLabels,
    @DefaultValue("10") int headroomPercent,
    @DefaultValue("28d") Duration forecastLookback,
    @DefaultValue("90") int horizonDays,
    @DefaultValue("50") int maxForecastNodes,
    @DefaultValue("500") int maxReplicas,
    @DefaultValue("1024") int maxCpu,
    @DefaultValue("4TB") DataSize maxMemory,
    @DefaultValue("5000") int maxDrainPods) {

  public CapacityProperties {
    settings(
        poolLabels,
        headroomPercent,
        forecastLookback,
        horizonDays,
        maxForecastNodes,
        maxReplicas,
        maxCpu,
        maxMemory,
        maxDrainPods);
  }

  public CapacitySettings settings() {
    return settings(
        poolLabels,
        headroomPercent,
        forecastLookback,
        horizonDays,
        maxForecastNodes,
        maxReplicas,
        maxCpu,
        maxMemory,
        maxDrainPods);
  }

  private static CapacitySettings settings(
      List<String> poolLabels,
      int headroomPercent,
      Duration forecastLookback,
      int horizonDays,
      int maxForecastNodes,
      int maxReplicas,
      int maxCpu,
      DataSize maxMemory,
      int maxDrainPods) {
    return new CapacitySettings(
        poolLabels == null || poolLabels.isEmpty() ? NodePools.DEFAULT_LABELS : poolLabels,
        headroomPercent,
        forecastLookback,
        horizonDays,
        maxForecastNodes,
        maxReplicas,
        maxCpu * 1000L,
        maxMemory.toBytes(),
        maxDrainPods);
  }
}
