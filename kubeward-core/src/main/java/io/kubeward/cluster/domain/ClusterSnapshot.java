package io.kubeward.cluster.domain;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The cached views of one cluster at the moment of a query. The collections may be live, weakly
 * consistent views of the cache (no copy per request); consumers iterate them once and do not keep
 * them.
 */
public record ClusterSnapshot(
    Collection<NodeView> nodes,
    Collection<NamespaceView> namespaces,
    Collection<PodView> pods,
    Collection<DeploymentView> deployments,
    Collection<ServiceView> services) {

  /** The kinds a snapshot holds: what must have been listed for an overview to be complete. */
  public static final Set<CachedKind> KINDS =
      Collections.unmodifiableSet(
          EnumSet.of(
              CachedKind.NODES,
              CachedKind.NAMESPACES,
              CachedKind.PODS,
              CachedKind.DEPLOYMENTS,
              CachedKind.SERVICES));
}
