package io.kubeward.cluster.app;

import io.kubeward.access.app.AccessDeniedException;
import io.kubeward.access.app.Caller;
import io.kubeward.access.domain.Verb;
import java.util.List;

/** Use case: the managed clusters with their reachability, the default first. */
public final class ListClusters {

  private final ClusterRegistry clusters;
  private final ClusterReads reads;

  public ListClusters(ClusterRegistry clusters, ClusterReads reads) {
    this.clusters = clusters;
    this.reads = reads;
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
    return list().stream().filter(c -> reads.sees(caller, c.name())).toList();
  }

  /** One cluster with its control plane's health checks, fetched now. */
  public ClusterDetails details(Caller caller, String name) {
    ManagedCluster cluster = reads.known(name);
    if (!reads.sees(caller, name)) {
      throw new AccessDeniedException(caller.username(), Verb.READ, name, null);
    }
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
