package io.kubeward.node.health.app;

import io.kubeward.access.app.Authorizer;
import io.kubeward.access.app.Caller;
import io.kubeward.access.domain.Verb;
import io.kubeward.cluster.app.ClusterNotFoundException;
import io.kubeward.cluster.app.ClusterRegistry;
import io.kubeward.node.health.domain.HealthDetection;
import java.util.List;

/** Use case: the node health detections of a cluster (cluster-wide read). */
public final class ListNodeHealth {

  private final ClusterRegistry clusters;
  private final NodeHealthHistory history;

  public ListNodeHealth(ClusterRegistry clusters, NodeHealthHistory history) {
    this.clusters = clusters;
    this.history = history;
  }

  /**
   * @param active {@code true}: active only, {@code false}: ended only, {@code null}: both
   * @param node one node, or {@code null} for all
   */
  public List<HealthDetection> list(Caller caller, String cluster, Boolean active, String node) {
    clusters.find(cluster).orElseThrow(() -> new ClusterNotFoundException(cluster));
    Authorizer.require(caller, Verb.READ, cluster, null);
    return history.detections(cluster, node, active);
  }
}
