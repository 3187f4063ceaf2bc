package io.kubeward.cluster.app;

import io.kubeward.access.app.AccessDeniedException;
import io.kubeward.access.app.Authorizer;
import io.kubeward.access.app.Caller;
import io.kubeward.access.domain.NamespaceVisibility;
import io.kubeward.access.domain.Verb;
import io.kubeward.cluster.domain.CachedKind;
import io.kubeward.cluster.domain.Reachability;
import java.util.Set;

/**
 * A cluster the caller may read something in, with the namespaces they may read, checked to be
 * answering and loaded, so that stale or partial data is never shown as current.
 */
record ReadableCluster(ManagedCluster cluster, NamespaceVisibility visible) {

  /**
   * @throws ClusterNotFoundException if no cluster has that name
   * @throws AccessDeniedException if the caller may read nothing in it
   * @throws ClusterUnreachableException if the last probe could not reach the cluster's API
   * @throws ClusterNotSyncedException if one of {@code kinds} has not completed its first list yet
   */
  static ReadableCluster of(
      ClusterRegistry clusters, Caller caller, String name, Set<CachedKind> kinds) {
    ReadableCluster readable = known(clusters, caller, name);
    ManagedCluster cluster = readable.cluster();
    Reachability reachability = cluster.reachability();
    if (reachability.state() == Reachability.State.UNREACHABLE) {
      throw new ClusterUnreachableException(
          cluster.name(), reachability.since(), reachability.lastError());
    }
    if (!cluster.cacheSynced(kinds)) {
      throw new ClusterNotSyncedException(cluster.name());
    }
    return readable;
  }

  /** As {@link #of} but without the reachability and sync checks. */
  static ReadableCluster known(ClusterRegistry clusters, Caller caller, String name) {
    ManagedCluster cluster =
        clusters.find(name).orElseThrow(() -> new ClusterNotFoundException(name));
    NamespaceVisibility visible = Authorizer.readableNamespaces(caller, cluster.name());
    if (visible.isEmpty()) {
      throw new AccessDeniedException(caller.username(), Verb.READ, cluster.name(), null);
    }
    return new ReadableCluster(cluster, visible);
  }
}
