package io.kubeward.cluster.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Compact projection of a Node. {@code zone} is the {@code topology.kubernetes.io/zone} label (or
 * the deprecated beta label), {@code null} if the node has none. {@code pressures} lists the
 * conditions other than Ready that are True ({@code MemoryPressure}, {@code DiskPressure}, {@code
 * PIDPressure}, {@code NetworkUnavailable}). {@code roles} come from the {@code
 * node-role.kubernetes.io/<role>} labels (sorted). {@code conditions} keep type, status, reason,
 * message and transition time, never the heartbeat time, so that a heartbeat is no change.
 */
public record NodeView(
    String name,
    String uid,
    String resourceVersion,
    @Nullable Instant createdAt,
    Map<String, String> labels,
    boolean ready,
    boolean unschedulable,
    @Nullable String zone,
    List<String> pressures,
    Resources capacity,
    Resources allocatable,
    @Nullable String kubeletVersion,
    List<String> roles,
    List<NodeTaint> taints,
    List<NodeConditionView> conditions,
    NodeVersions versions)
    implements KubeObjectView {

  public NodeView {
    roles = roles == null ? List.of() : roles;
    taints = taints == null ? List.of() : taints;
    conditions = conditions == null ? List.of() : conditions;
    versions = versions == null ? NodeVersions.UNKNOWN : versions;
  }

  /** A node view without roles, taints, conditions and versions (tests, benchmarks). */
  public NodeView(
      String name,
      String uid,
      String resourceVersion,
      Instant createdAt,
      Map<String, String> labels,
      boolean ready,
      boolean unschedulable,
      String zone,
      List<String> pressures,
      Resources capacity,
      Resources allocatable,
      String kubeletVersion) {
    this(
        name,
        uid,
        resourceVersion,
        createdAt,
        labels,
        ready,
        unschedulable,
        zone,
        pressures,
        capacity,
        allocatable,
        kubeletVersion,
        List.of(),
        List.of(),
        List.of(),
        NodeVersions.UNKNOWN);
  }

  @Override
  public String namespace() {
    return null;
  }

  @Override
  public String status() {
    return (ready ? "Ready" : "NotReady") + (unschedulable ? ",SchedulingDisabled" : "");
  }

  /** The condition of {@code type}, or {@code null}. */
  public NodeConditionView condition(String type) {
    for (NodeConditionView condition : conditions) {
      if (condition.type().equals(type)) {
        return condition;
      }
    }
    return null;
  }

  @Override
  public NodeView withResourceVersion(String version) {
    return new NodeView(
        name,
        uid,
        version,
        createdAt,
        labels,
        ready,
        unschedulable,
        zone,
        pressures,
        capacity,
        allocatable,
        kubeletVersion,
        roles,
        taints,
        conditions,
        versions);
  }
}
