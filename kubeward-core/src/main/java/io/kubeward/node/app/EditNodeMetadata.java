package io.kubeward.node.app;

import io.kubeward.access.app.Caller;
import io.kubeward.access.domain.Verb;
import io.kubeward.audit.app.AuditedAction;
import io.kubeward.cluster.app.ClusterReads;
import io.kubeward.cluster.app.ManagedCluster;
import io.kubeward.node.domain.NodeMetadata;
import io.kubeward.node.domain.NodeMetadataRules;
import io.kubeward.resource.domain.UnifiedDiff;

/**
 * Use case: replace a node's labels and taints by desired full sets, with a preview. Both validate
 * the sets first ({@link NodeMetadataRules}: nothing is sent when one is invalid) and need
 * cluster-wide change rights; apply writes only if the node has not changed since it was read (else
 * 409 {@code resource.conflict}) and is audited as {@code node.metadata} with the diff.
 */
public final class EditNodeMetadata {

  public static final String VERB = "node.metadata";

  private final ClusterReads reads;
  private final NodeGateway gateway;
  private final AuditedAction audited;
  private final GetNodeDetail details;

  public EditNodeMetadata(
      ClusterReads reads, NodeGateway gateway, AuditedAction audited, GetNodeDetail details) {
    this.reads = reads;
    this.gateway = gateway;
    this.audited = audited;
    this.details = details;
  }

  /** What an apply would change: a unified diff of the labels and taints. */
  public record Preview(String diff, boolean changed) {}

  /** Changes nothing; not audited. */
  public Preview preview(Caller caller, String cluster, String node, NodeMetadata desired) {
    NodeMetadataRules.validate(desired);
    NodeClusters.readable(reads, caller, cluster);
    NodeGateway.LiveNode live = NodeClusters.liveNode(gateway, caller, cluster, node);
    String diff = diff(node, live.metadata(), desired);
    return new Preview(diff, !diff.isEmpty());
  }

  public NodeDetail apply(Caller caller, String cluster, String node, NodeMetadata desired) {
    return audited.run(
        caller,
        Verb.MUTATE,
        new AuditedAction.Target(cluster, null, "Node", node),
        VERB,
        () -> {
          NodeMetadataRules.validate(desired);
          ManagedCluster managed = NodeClusters.usable(reads, cluster);
          NodeGateway.LiveNode live = NodeClusters.liveNode(gateway, caller, cluster, node);
          String diff = diff(node, live.metadata(), desired);
          NodeGateway.LiveNode after =
              diff.isEmpty()
                  ? live
                  : gateway.writeMetadata(
                      caller,
                      cluster,
                      node,
                      live.view().resourceVersion(),
                      live.metadata(),
                      desired);
          return new AuditedAction.Outcome<>(
              details.assemble(caller, managed, after.view(), after.heartbeats()),
              diff.isEmpty() ? null : diff);
        });
  }

  static String diff(String node, NodeMetadata before, NodeMetadata after) {
    return UnifiedDiff.of(before.render(), after.render(), "a/nodes/" + node, "b/nodes/" + node);
  }
}
