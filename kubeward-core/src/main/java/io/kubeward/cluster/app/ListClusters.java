package io.kubeward.cluster.app;

import java.util.List;

/** Use case: every managed cluster with its reachability, the default first. */
public final class ListClusters {

  private final ClusterRegistry clusters;

  public ListClusters(ClusterRegistry clusters) {
    this.clusters = clusters;
  }

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

  /** The status of the default cluster. */
  public ClusterStatus defaultCluster() {
    String defaultName = clusters.defaultClusterName();
    return clusters
        .find(defaultName)
        .map(c -> ClusterStatus.of(c, true))
        .orElseThrow(() -> new ClusterNotFoundException(defaultName));
  }
}
