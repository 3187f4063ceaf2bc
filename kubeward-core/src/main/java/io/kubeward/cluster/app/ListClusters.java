package io.kubeward.cluster.app;

import io.kubeward.access.app.Authorizer;
import io.kubeward.access.app.Caller;
import java.util.List;

/** Use case: the managed clusters with their reachability, the default first. */
public final class ListClusters {

  private final ClusterRegistry clusters;

  public ListClusters(ClusterRegistry clusters) {
    this.clusters = clusters;
  }

  /** Every cluster (for the public health endpoint, which shows no details). */
  public List<ClusterStatus> list() {
    String defaultName = clusters.defaultClusterName();
    return clusters.all().stream()
        .map(c -> ClusterStatus.of(c, c.name().equals(defaultName)))
        .sorted(
            (a, b) ->
                a.defaultCluster() != b.defaultCluster()
                    ? (a.defaultCluster() ? -1 : 1)
                    : a.name().compareTo(b.name()))
        .toList();
  }

  /** The clusters the caller may see anything in. */
  public List<ClusterStatus> list(Caller caller) {
    return list().stream()
        .filter(c -> !Authorizer.readableNamespaces(caller, c.name()).isEmpty())
        .toList();
  }

  /** One cluster with its control plane's health checks, fetched now. */
  public ClusterDetails details(Caller caller, String name) {
    ManagedCluster cluster = ReadableCluster.known(clusters, caller, name).cluster();
    return new ClusterDetails(
        ClusterStatus.of(cluster, cluster.name().equals(clusters.defaultClusterName())),
        cluster.controlPlaneHealth());
  }

  /** The status of the default cluster. */
  public ClusterStatus defaultCluster() {
    String defaultName = clusters.defaultClusterName();
    return clusters
        .find(defaultName)
        .map(c -> ClusterStatus.of(c, true))
        .orElseThrow(() -> new ClusterNotFoundException(defaultName));
  }
}
