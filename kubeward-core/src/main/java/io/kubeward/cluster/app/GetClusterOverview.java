package io.kubeward.cluster.app;

import io.kubeward.access.app.Caller;
import io.kubeward.cluster.domain.ClusterOverview;
import io.kubeward.cluster.domain.ClusterSnapshot;

/**
 * Use case: the overview of one cluster, read from the shared cache, over what the caller reads.
 */
public final class GetClusterOverview {

  private final ClusterRegistry clusters;

  public GetClusterOverview(ClusterRegistry clusters) {
    this.clusters = clusters;
  }

  /**
   * @throws ClusterNotFoundException if no cluster has that name
   * @throws io.kubeward.access.app.AccessDeniedException if the caller may read nothing in it
   * @throws ClusterUnreachableException if the last probe could not reach the cluster's API
   * @throws ClusterNotSyncedException if a kind the overview counts has not been listed yet
   */
  public ClusterOverview of(Caller caller, String clusterName) {
    ReadableCluster readable =
        ReadableCluster.of(clusters, caller, clusterName, ClusterSnapshot.KINDS);
    ManagedCluster cluster = readable.cluster();
    return ClusterOverview.compute(
        cluster.name(),
        cluster.reachability().kubernetesVersion(),
        cluster.snapshot(),
        readable.visible());
  }

  /** The overview of the default cluster. */
  public ClusterOverview ofDefault(Caller caller) {
    return of(caller, clusters.defaultClusterName());
  }
}
