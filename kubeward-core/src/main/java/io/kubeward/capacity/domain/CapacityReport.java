package io.kubeward.capacity.domain;

import java.time.Instant;
import java.util.List;

/**
 * A cluster's capacity: the whole, each node pool and each zone, under one headroom policy.
 *
 * @param poolLabels the labels a node's pool is read from, first present wins
 * @param usedAvailable whether {@code used} comes from the metrics API (else it is null)
 */
public record CapacityReport(
    String cluster,
    Instant at,
    int headroomPercent,
    List<String> poolLabels,
    boolean usedAvailable,
    CapacityGroup total,
    List<CapacityGroup> pools,
    List<CapacityGroup> zones) {

  public CapacityReport {
    poolLabels = List.copyOf(poolLabels);
    pools = List.copyOf(pools);
    zones = List.copyOf(zones);
  }
}
