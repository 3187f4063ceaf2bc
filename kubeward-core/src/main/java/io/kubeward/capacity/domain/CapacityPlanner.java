package io.kubeward.capacity.domain;

import io.kubeward.cluster.domain.NodeView;
import io.kubeward.cluster.domain.PodView;
import io.kubeward.cluster.domain.Resources;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Groups nodes into the cluster, pools and zones and sums allocatable, requested (pods that hold
 * resources, as in live usage) and used (the metrics API's node samples) per group. Pure: one pass
 * over nodes and pods.
 */
public final class CapacityPlanner {

  /** A node's measured usage, {@code null} when not measured. */
  public record NodeUse(long cpuMillis, long memoryBytes) {}

  private final NodePools pools;
  private final HeadroomPolicy headroom;

  public CapacityPlanner(NodePools pools, HeadroomPolicy headroom) {
    this.pools = pools;
    this.headroom = headroom;
  }

  public NodePools pools() {
    return pools;
  }

  public HeadroomPolicy headroom() {
    return headroom;
  }

  /**
   * @param used a node's usage by name, {@code null} for no metrics at all
   */
  public CapacityReport report(
      String cluster,
      Instant at,
      Collection<NodeView> nodes,
      Collection<PodView> pods,
      @Nullable Function<String, @Nullable NodeUse> used) {
    Map<String, Resources> requested = new HashMap<>();
    for (PodView pod : pods) {
      if (pod.holdsResources()) {
        Resources r = pod.requests();
        requested.merge(
            pod.nodeName(), new Resources(r.cpuMillis(), r.memoryBytes(), 1), Resources::plus);
      }
    }
    Sum total = new Sum();
    Map<String, Sum> byPool = new TreeMap<>();
    Map<String, Sum> byZone = new TreeMap<>();
    for (NodeView node : nodes) {
      Resources req = requested.getOrDefault(node.name(), Resources.ZERO);
      NodeUse use = used == null ? null : used.apply(node.name());
      total.add(node, req, use);
      byPool.computeIfAbsent(pools.poolOf(node.labels()), k -> new Sum()).add(node, req, use);
      String zone = node.labels().get(NodePools.ZONE_LABEL);
      byZone.computeIfAbsent(zone == null ? "" : zone, k -> new Sum()).add(node, req, use);
    }
    boolean metrics = used != null;
    List<CapacityGroup> poolGroups = new ArrayList<>();
    byPool.forEach((name, sum) -> poolGroups.add(sum.group("pool", name, metrics, headroom)));
    List<CapacityGroup> zoneGroups = new ArrayList<>();
    byZone.forEach((name, sum) -> zoneGroups.add(sum.group("zone", name, metrics, headroom)));
    return new CapacityReport(
        cluster,
        at,
        headroom.percent(),
        pools.labels(),
        metrics,
        total.group("cluster", cluster, metrics, headroom),
        poolGroups,
        zoneGroups);
  }

  private static final class Sum {
    private final List<String> names = new ArrayList<>();
    private Resources allocatable = Resources.ZERO;
    private Resources requested = Resources.ZERO;
    private long usedCpu;
    private long usedMemory;

    void add(NodeView node, Resources req, @Nullable NodeUse use) {
      names.add(node.name());
      allocatable = allocatable.plus(node.allocatable());
      requested = requested.plus(req);
      if (use != null) {
        usedCpu += use.cpuMillis();
        usedMemory += use.memoryBytes();
      }
    }

    CapacityGroup group(String kind, String name, boolean metrics, HeadroomPolicy policy) {
      names.sort(String::compareTo);
      return new CapacityGroup(
          kind,
          name,
          names,
          ResourceCapacity.of(
              allocatable.cpuMillis(), requested.cpuMillis(), metrics ? usedCpu : null, policy),
          ResourceCapacity.of(
              allocatable.memoryBytes(),
              requested.memoryBytes(),
              metrics ? usedMemory : null,
              policy),
          ResourceCapacity.of(allocatable.pods(), requested.pods(), requested.pods(), policy),
          List.of());
    }
  }
}
