package io.kubeward.cluster.domain;

/** Compact projection of a Deployment's replica counts. */
public record DeploymentView(
    String namespace,
    String name,
    String uid,
    int desired,
    int ready,
    int available,
    int updated,
    String resourceVersion)
    implements KubeObjectView {

  /** Whether as many replicas are available as are desired. */
  public boolean isAvailable() {
    return available >= desired;
  }
}
