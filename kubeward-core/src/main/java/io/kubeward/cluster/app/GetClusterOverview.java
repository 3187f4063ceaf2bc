package io.kubeward.cluster.app;

import io.kubeward.cluster.domain.ClusterOverview;
import io.kubeward.cluster.domain.Reachability;

/** Use case: the overview of one cluster, read from the shared cache. */
public final class GetClusterOverview {

  private final ClusterRegistry clusters;

  public GetClusterOverview(ClusterRegistry clusters) {
    this.clusters = clusters;
  }

  /**
   * @throws ClusterNotFoundException if no cluster has that name
   * @throws ClusterUnreachableException if the last probe could not reach the cluster's API
   * @throws ClusterNotSyncedException if the cache has not completed its first list yet
   */
  public ClusterOverview of(String clusterName) {
    ManagedCluster cluster =
        clusters.find(clusterName).orElseThrow(() -> new ClusterNotFoundException(clusterName));
    Reachability reachability = cluster.reachability();
    if (reachability.state() == Reachability.State.UNREACHABLE) {
      throw new ClusterUnreachableException(
          cluster.name(), reachability.since(), reachability.lastError());
    }
    if (!cluster.cacheSynced()) {
      throw new ClusterNotSyncedException(cluster.name());
    }
    return ClusterOverview.compute(
        cluster.name(), reachability.kubernetesVersion(), cluster.snapshot());
  }

  /** The overview of the default cluster. */
  public ClusterOverview ofDefault() {
    return of(clusters.defaultClusterName());
  }
}
