package io.kubeward.capacity.domain;

import java.util.List;

/**
 * The capacity of a group of nodes: the cluster, a node pool or a zone.
 *
 * @param kind {@code cluster}, {@code pool} or {@code zone}
 * @param nodeNames the nodes in the group (sorted)
 * @param forecasts CPU and memory demand forecasts (cluster and pools; empty for zones or when not
 *     asked)
 */
public record CapacityGroup(
    String kind,
    String name,
    List<String> nodeNames,
    ResourceCapacity cpu,
    ResourceCapacity memory,
    ResourceCapacity pods,
    List<Forecast> forecasts) {

  public CapacityGroup {
    nodeNames = List.copyOf(nodeNames);
    forecasts = List.copyOf(forecasts);
  }

  public CapacityGroup withForecasts(List<Forecast> newForecasts) {
    return new CapacityGroup(kind, name, nodeNames, cpu, memory, pods, newForecasts);
  }
}
