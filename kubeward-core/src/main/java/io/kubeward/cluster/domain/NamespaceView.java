package io.kubeward.cluster.domain;

/** Compact projection of a Namespace. {@code phase} is {@code Active} or {@code Terminating}. */
public record NamespaceView(String name, String uid, String phase, String resourceVersion)
    implements KubeObjectView {

  @Override
  public String namespace() {
    return null;
  }
}
