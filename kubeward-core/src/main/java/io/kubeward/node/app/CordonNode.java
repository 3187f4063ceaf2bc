package io.kubeward.node.app;

import io.kubeward.access.app.Caller;
import io.kubeward.access.domain.Verb;
import io.kubeward.audit.app.AuditedAction;
import io.kubeward.cluster.app.ClusterReads;
import io.kubeward.cluster.app.ManagedCluster;

/**
 * Use case: a person cordons or uncordons a node ({@code spec.unschedulable}) with their own
 * identity (the cluster decides), audited as {@code node.cordon} / {@code node.uncordon} with the
 * change as a diff.
 */
public final class CordonNode {

  public static final String CORDON = "node.cordon";
  public static final String UNCORDON = "node.uncordon";

  private final ClusterReads reads;
  private final NodeGateway gateway;
  private final AuditedAction audited;
  private final GetNodeDetail details;

  public CordonNode(
      ClusterReads reads, NodeGateway gateway, AuditedAction audited, GetNodeDetail details) {
    this.reads = reads;
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
          ManagedCluster managed = NodeClusters.usable(reads, cluster);
          NodeGateway.LiveNode before = NodeClusters.liveNode(gateway, caller, cluster, node);
          boolean was = before.view().unschedulable();
          // A person's cordon or uncordon is theirs: it removes a maintenance's mark, so that no
          // maintenance uncordons a node a person decided about.
          NodeGateway.LiveNode after =
              was == unschedulable && before.cordonedBy() == null
                  ? before
                  : gateway.setCordon(caller, cluster, node, unschedulable, null, null);
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
