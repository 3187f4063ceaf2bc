package io.kubeward.node.app;

import io.kubeward.access.app.Caller;
import io.kubeward.cluster.domain.NodeView;
import io.kubeward.node.domain.NodeMetadata;
import io.kubeward.node.health.app.NodeLeases;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Port: the one node adapter. Everything that changes a node (a person's cordon, label and taint
 * edits, a maintenance's cordon) goes through it, live through the cluster's API with the caller's
 * identity (Kubeward's own for controllers); reads that need fresh state (heartbeats, the cordon
 * mark before an uncordon) are live too, everything else comes from the shared cache. Failures come
 * back as {@link NodeNotFoundException}, {@link io.kubeward.cluster.app.ClusterApiException} (409
 * {@code resource.conflict} for a stale version) or {@link
 * io.kubeward.cluster.app.ClusterUnreachableException}.
 */
public interface NodeGateway extends NodeLeases {

  /**
   * The annotation that says which maintenance cordoned a node, so that a maintenance only ever
   * uncordons the nodes it cordoned itself. A person's cordon or uncordon removes it.
   */
  String CORDONED_BY = "kubeward.io/cordoned-by";

  /**
   * A node as just read or written.
   *
   * @param view the node's projection, as the cache would keep it
   * @param metadata its labels and taints
   * @param heartbeats the {@code lastHeartbeatTime} of each condition (not kept in the cache)
   * @param cordonedBy the maintenance named by {@link #CORDONED_BY}, or {@code null}
   */
  record LiveNode(
      NodeView view, NodeMetadata metadata, Map<String, Instant> heartbeats, String cordonedBy) {}

  Optional<LiveNode> get(Caller caller, String cluster, String node);

  /** The {@code renewTime} of the node's Lease in {@code kube-node-lease}, if there is one. */
  Optional<Instant> leaseRenewTime(Caller caller, String cluster, String node);

  /**
   * Makes the node unschedulable ({@code true}) or schedulable again, and sets the {@link
   * #CORDONED_BY} mark to {@code cordonedBy} ({@code null} removes it).
   *
   * @param resourceVersion if given, the change applies only to that version of the node (else a
   *     409 {@code resource.conflict})
   * @return the node as written
   */
  LiveNode setCordon(
      Caller caller,
      String cluster,
      String node,
      boolean unschedulable,
      String cordonedBy,
      String resourceVersion);

  /**
   * Replaces the node's labels and taints by {@code desired}, only if the node is still at {@code
   * resourceVersion} (else a {@code resource.conflict}); returns it as written.
   */
  LiveNode writeMetadata(
      Caller caller,
      String cluster,
      String node,
      String resourceVersion,
      NodeMetadata current,
      NodeMetadata desired);
}
