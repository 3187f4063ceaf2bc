package io.kubeward.node.app;

import io.kubeward.access.app.Caller;
import io.kubeward.cluster.app.ClusterReads;
import io.kubeward.cluster.app.ManagedCluster;
import io.kubeward.cluster.domain.CachedKind;
import io.kubeward.cluster.domain.NodeView;
import io.kubeward.common.Names;
import java.util.Set;

/** The cluster of a node use case, through the one guard of cache reads ({@link ClusterReads}). */
final class NodeClusters {

  private static final Set<CachedKind> NODE_KINDS = Set.of(CachedKind.NODES, CachedKind.PODS);

  private NodeClusters() {}

  /**
   * The cluster, answering and loaded, whose nodes the caller may list.
   *
   * @throws io.kubeward.access.app.AccessDeniedException if the caller may not list nodes
   */
  static ManagedCluster readable(ClusterReads reads, Caller caller, String name) {
    ManagedCluster cluster = reads.ready(name, NODE_KINDS);
    reads.requireVisible(caller, cluster, CachedKind.NODES);
    return cluster;
  }

  /** The cluster, answering and loaded (what a change needs before it is sent). */
  static ManagedCluster usable(ClusterReads reads, String name) {
    return reads.ready(name, NODE_KINDS);
  }

  /**
   * @throws NodeNotFoundException if the cache has no such node
   */
  static NodeView cachedNode(ManagedCluster cluster, String node) {
    NodeView view = node == null ? null : (NodeView) cluster.views(CachedKind.NODES).view(node);
    if (view == null) {
      throw new NodeNotFoundException(cluster.name(), node);
    }
    return view;
  }

  /**
   * The node read live. A name that is no object name names no node: it is refused before any
   * request (a blank one once reached the client, which read the node list instead).
   *
   * @throws NodeNotFoundException if there is no such node
   */
  static NodeGateway.LiveNode liveNode(
      NodeGateway gateway, Caller caller, String cluster, String node) {
    if (!Names.isObjectName(node)) {
      throw new NodeNotFoundException(cluster, String.valueOf(node));
    }
    return gateway
        .get(caller, cluster, node)
        .orElseThrow(() -> new NodeNotFoundException(cluster, node));
  }
}
