package io.kubeward.history.domain;

import java.time.Instant;
import java.util.List;

/**
 * The live usage of one cluster at one time, as the metrics API gives it: per node and per pod
 * (with the pod's node and workload, resolved from the cache).
 */
public record UsageSnapshot(Instant sampledAt, List<NodeUsage> nodes, List<PodUsage> pods) {

  public UsageSnapshot {
    nodes = List.copyOf(nodes);
    pods = List.copyOf(pods);
  }

  /** A node's usage: CPU millicores, memory bytes. */
  public record NodeUsage(String name, long cpu, long memory) {}

  /**
   * A pod's usage (the sum of its containers); {@code workloadKind}/{@code workloadName} {@code
   * null} for a pod without a controller.
   */
  public record PodUsage(
      String namespace,
      String name,
      String node,
      String workloadKind,
      String workloadName,
      long cpu,
      long memory,
      List<ContainerUsage> containers) {

    public PodUsage {
      containers = containers == null ? List.of() : List.copyOf(containers);
    }

    /** A pod without per-container usage. */
    public PodUsage(
        String namespace,
        String name,
        String node,
        String workloadKind,
        String workloadName,
        long cpu,
        long memory) {
      this(namespace, name, node, workloadKind, workloadName, cpu, memory, List.of());
    }
  }

  /** One container's usage in a pod: CPU millicores, memory bytes. */
  public record ContainerUsage(String name, long cpu, long memory) {}
}
