package io.kubeward.cluster.domain;

/**
 * What every compact projection of a Kubernetes object keeps: its identity and the resource version
 * it was projected from. {@code namespace} is {@code null} for cluster-scoped objects.
 */
public interface KubeObjectView {
  String namespace();

  String name();

  String uid();

  String resourceVersion();
}
