package io.kubeward.cluster.domain;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Compact projection of a Deployment's replica counts. */
public record DeploymentView(
    String namespace,
    String name,
    String uid,
    String resourceVersion,
    @Nullable Instant createdAt,
    Map<String, String> labels,
    int desired,
    int ready,
    int available,
    int updated)
    implements KubeObjectView {

  /** Whether as many replicas are available as are desired. */
  public boolean fullyAvailable() {
    return available >= desired;
  }

  @Override
  public String status() {
    return fullyAvailable() ? "Available" : "Progressing";
  }

  @Override
  public DeploymentView withResourceVersion(String version) {
    return new DeploymentView(
        namespace, name, uid, version, createdAt, labels, desired, ready, available, updated);
  }
}
