package io.kubeward.cluster.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Compact projection of a Node. {@code zone} is the {@code topology.kubernetes.io/zone} label (or
 * the deprecated beta label), {@code null} if the node has none. {@code pressures} lists the
 * conditions other than Ready that are True ({@code MemoryPressure}, {@code DiskPressure}, {@code
 * PIDPressure}, {@code NetworkUnavailable}).
 */
public record NodeView(
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
    String kubeletVersion)
    implements KubeObjectView {

  @Override
  public String namespace() {
    return null;
  }

  @Override
  public String status() {
    return (ready ? "Ready" : "NotReady") + (unschedulable ? ",SchedulingDisabled" : "");
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
        kubeletVersion);
  }
}
