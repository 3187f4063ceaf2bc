package io.kubeward.cluster.app;

import io.kubeward.access.app.AccessDeniedException;
import io.kubeward.access.app.Caller;
import io.kubeward.access.domain.Verb;
import io.kubeward.cluster.domain.CachedKind;
import io.kubeward.cluster.domain.ClusterOverview;
import io.kubeward.cluster.domain.ClusterSnapshot;
import io.kubeward.cluster.domain.OverviewVisibility;
import java.util.Set;

/**
 * Use case: the overview of one cluster, read from the shared cache, over what the caller reads;
 * served from the first moment the cluster answers, marked as loading until the kinds it counts
 * have listed once.
 */
public final class GetClusterOverview {

  private final ClusterRegistry clusters;
  private final ClusterReads reads;

  public GetClusterOverview(ClusterRegistry clusters, ClusterReads reads) {
    this.clusters = clusters;
    this.reads = reads;
  }

  /**
   * The overview; while a kind it counts is still in its first list, what has been listed so far,
   * marked {@code loading} (ADR 0057).
   *
   * @throws ClusterNotFoundException if no cluster has that name
   * @throws io.kubeward.access.app.AccessDeniedException if the caller may read nothing in it
   * @throws ClusterUnreachableException if the last probe could not reach the cluster's API
   */
  public ClusterOverview of(Caller caller, String clusterName) {
    ManagedCluster cluster = reads.answering(clusterName);
    // asked before the views are read: a kind that completes in between is still called loading,
    // never the other way round
    Set<CachedKind> stillListing = ClusterReads.stillListing(cluster, ClusterSnapshot.KINDS);
    OverviewVisibility visible =
        OverviewVisibility.of(
            !reads.visible(caller, cluster, CachedKind.NODES).isEmpty(),
            !reads.visible(caller, cluster, CachedKind.NAMESPACES).isEmpty(),
            reads.visible(caller, cluster, CachedKind.PODS),
            reads.visible(caller, cluster, CachedKind.DEPLOYMENTS),
            reads.visible(caller, cluster, CachedKind.SERVICES));
    if (visible.isEmpty()) {
      throw new AccessDeniedException(caller.username(), Verb.READ, cluster.name(), null);
    }
    return ClusterOverview.compute(
        cluster.name(),
        cluster.reachability().kubernetesVersion(),
        cluster.snapshot(),
        visible,
        stillListing);
  }

  /** The overview of the default cluster. */
  public ClusterOverview ofDefault(Caller caller) {
    return of(caller, clusters.defaultClusterName());
  }
}
