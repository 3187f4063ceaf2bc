package io.kubeward.cluster.app;

import io.kubeward.cluster.domain.ClusterSnapshot;
import io.kubeward.cluster.domain.Reachability;

/**
 * Port: one cluster Kubeward manages, as the use cases see it. The {@code kube} package implements
 * it over a fabric8 client, a shared informer cache and a reachability probe.
 */
public interface ManagedCluster {

  /** The cluster's name in Kubeward (unique, used in URLs). */
  String name();

  Reachability reachability();

  /** Whether every informer has completed its first list, so {@link #snapshot()} is complete. */
  boolean cacheSynced();

  /** The cached views; cheap (no copy). */
  ClusterSnapshot snapshot();
}
