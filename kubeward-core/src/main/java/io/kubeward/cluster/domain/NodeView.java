package io.kubeward.cluster.domain;

/**
 * Compact projection of a Node. {@code zone} is the {@code topology.kubernetes.io/zone} label (or
 * the deprecated beta label), {@code null} if the node has none.
 */
public record NodeView(
    String name,
    String uid,
    boolean ready,
    boolean unschedulable,
    String zone,
    Resources allocatable,
    String kubeletVersion,
    String resourceVersion)
    implements KubeObjectView {

  @Override
  public String namespace() {
    return null;
  }
}
