package io.kubeward.node.app;

import io.kubeward.access.app.Caller;
import io.kubeward.access.domain.Verb;
import io.kubeward.audit.app.AuditedAction;
import io.kubeward.cluster.app.ClusterRegistry;
import io.kubeward.cluster.app.ManagedCluster;

/**
 * Use case: cordon or uncordon a node ({@code spec.unschedulable}); needs cluster-wide change
 * rights, audited as {@code node.cordon} / {@code node.uncordon} with the change as a diff.
 */
public final class CordonNode {

  public static final String CORDON = "node.cordon";
  public static final String UNCORDON = "node.uncordon";

  private final ClusterRegistry clusters;
  private final NodeGateway gateway;
  private final AuditedAction audited;
  private final GetNodeDetail details;

  public CordonNode(
      ClusterRegistry clusters, NodeGateway gateway, AuditedAction audited, GetNodeDetail details) {
    this.clusters = clusters;
    this.gateway = gateway;
    this.audited = audited;
    this.details = details;
  }

  /**
   * @param unschedulable {@code true} to cordon, {@code false} to uncordon
   * @return the node as written
   */
  public NodeDetail set(Caller caller, String cluster, String node, boolean unschedulable) {
    return audited.run(
        caller,
        Verb.MUTATE,
        new AuditedAction.Target(cluster, null, "Node", node),
        unschedulable ? CORDON : UNCORDON,
        () -> {
          ManagedCluster managed = NodeClusters.usable(clusters, cluster);
          NodeGateway.LiveNode before = NodeClusters.liveNode(gateway, cluster, node);
          boolean was = before.view().unschedulable();
          NodeGateway.LiveNode after =
              was == unschedulable
                  ? before
                  : gateway.setUnschedulable(cluster, node, unschedulable);
          String diff =
              was == unschedulable
                  ? null
                  : "--- a/nodes/"
                      + node
                      + "\n+++ b/nodes/"
                      + node
                      + "\n@@ -1 +1 @@\n-unschedulable: "
                      + was
                      + "\n+unschedulable: "
                      + unschedulable
                      + "\n";
          return new AuditedAction.Outcome<>(
              details.assemble(caller, managed, after.view(), after.heartbeats()), diff);
        });
  }
}
