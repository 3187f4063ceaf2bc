package io.kubeward.node.app;

import io.kubeward.access.app.Authorizer;
import io.kubeward.access.app.Caller;
import io.kubeward.access.domain.Verb;
import io.kubeward.cluster.app.ClusterNotFoundException;
import io.kubeward.cluster.app.ClusterNotSyncedException;
import io.kubeward.cluster.app.ClusterRegistry;
import io.kubeward.cluster.app.ClusterUnreachableException;
import io.kubeward.cluster.app.ManagedCluster;
import io.kubeward.cluster.domain.CachedKind;
import io.kubeward.cluster.domain.NodeView;
import io.kubeward.cluster.domain.Reachability;
import io.kubeward.common.Names;

/** Finds a cluster whose nodes the caller may read, answering and loaded, and its cached nodes. */
public final class NodeClusters {

  private NodeClusters() {}

  /**
   * @throws ClusterNotFoundException if no cluster has that name
   * @throws io.kubeward.access.app.AccessDeniedException without cluster-wide read
   * @throws ClusterUnreachableException if the last probe could not reach the cluster's API
   * @throws ClusterNotSyncedException if the cache has not completed its first list yet
   */
  public static ManagedCluster readable(ClusterRegistry clusters, Caller caller, String name) {
    ManagedCluster cluster =
        clusters.find(name).orElseThrow(() -> new ClusterNotFoundException(name));
    Authorizer.require(caller, Verb.READ, cluster.name(), null);
    return usable(cluster);
  }

  /** The cluster of that name, checked to be answering and loaded (no authorization). */
  public static ManagedCluster usable(ClusterRegistry clusters, String name) {
    return usable(clusters.find(name).orElseThrow(() -> new ClusterNotFoundException(name)));
  }

  private static ManagedCluster usable(ManagedCluster cluster) {
    Reachability reachability = cluster.reachability();
    if (reachability.state() == Reachability.State.UNREACHABLE) {
      throw new ClusterUnreachableException(
          cluster.name(), reachability.since(), reachability.lastError());
    }
    if (!cluster.cacheSynced()) {
      throw new ClusterNotSyncedException(cluster.name());
    }
    return cluster;
  }

  /**
   * @throws NodeNotFoundException if the cache has no such node
   */
  public static NodeView cachedNode(ManagedCluster cluster, String node) {
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
  public static NodeGateway.LiveNode liveNode(NodeGateway gateway, String cluster, String node) {
    if (!Names.isObjectName(node)) {
      throw new NodeNotFoundException(cluster, String.valueOf(node));
    }
    return gateway.get(cluster, node).orElseThrow(() -> new NodeNotFoundException(cluster, node));
  }
}
