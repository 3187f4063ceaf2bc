package io.kubeward.node.health.app;

import io.kubeward.access.app.Caller;
import io.kubeward.cluster.app.ClusterReads;
import io.kubeward.cluster.app.ManagedCluster;
import io.kubeward.cluster.domain.CachedKind;
import io.kubeward.node.health.domain.HealthDetection;
import java.util.List;

/** Use case: the node health detections of a cluster, for whoever may list its nodes. */
public final class ListNodeHealth {

  private final ClusterReads reads;
  private final NodeHealthHistory history;

  public ListNodeHealth(ClusterReads reads, NodeHealthHistory history) {
    this.reads = reads;
    this.history = history;
  }

  /**
   * @param active {@code true}: active only, {@code false}: ended only, {@code null}: both
   * @param node one node, or {@code null} for all
   */
  public List<HealthDetection> list(Caller caller, String cluster, Boolean active, String node) {
    ManagedCluster managed = reads.known(cluster);
    reads.requireVisible(caller, managed, CachedKind.NODES);
    return history.detections(cluster, node, active);
  }
}
