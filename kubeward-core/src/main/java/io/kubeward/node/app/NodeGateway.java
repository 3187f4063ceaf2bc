package io.kubeward.node.app;

import io.kubeward.cluster.domain.NodeView;
import io.kubeward.node.domain.NodeMetadata;
import io.kubeward.node.health.app.NodeLeases;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Port: nodes read and written live through a cluster's API with Kubeward's credentials (the cache
 * serves everything else). Failures come back as {@link NodeNotFoundException}, {@link
 * io.kubeward.resource.app.ResourceException} (409 {@code resource.conflict} for a stale version)
 * or {@link io.kubeward.cluster.app.ClusterUnreachableException}.
 */
public interface NodeGateway extends NodeLeases {

  /**
   * A node as just read or written.
   *
   * @param view the node's projection, as the cache would keep it
   * @param metadata its labels and taints
   * @param heartbeats the {@code lastHeartbeatTime} of each condition (not kept in the cache)
   */
  record LiveNode(NodeView view, NodeMetadata metadata, Map<String, Instant> heartbeats) {}

  Optional<LiveNode> get(String cluster, String node);

  /** The {@code renewTime} of the node's Lease in {@code kube-node-lease}, if there is one. */
  Optional<Instant> leaseRenewTime(String cluster, String node);

  /** Cordons ({@code true}) or uncordons the node; returns it as written. */
  LiveNode setUnschedulable(String cluster, String node, boolean unschedulable);

  /**
   * Replaces the node's labels and taints by {@code desired}, only if the node is still at {@code
   * resourceVersion} (else a {@code resource.conflict}); returns it as written.
   */
  LiveNode writeMetadata(
      String cluster,
      String node,
      String resourceVersion,
      NodeMetadata current,
      NodeMetadata desired);
}
