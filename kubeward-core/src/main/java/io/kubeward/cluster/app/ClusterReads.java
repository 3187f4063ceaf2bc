package io.kubeward.cluster.app;

import io.kubeward.access.app.AccessDeniedException;
import io.kubeward.access.app.Authorizer;
import io.kubeward.access.app.Caller;
import io.kubeward.access.domain.NamespaceVisibility;
import io.kubeward.access.domain.ResourceAction;
import io.kubeward.access.domain.Verb;
import io.kubeward.cluster.domain.CachedKind;
import io.kubeward.cluster.domain.KubeObjectView;
import io.kubeward.cluster.domain.Reachability;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The one guard of every answer made from the shared cache: the cluster exists, answers and has
 * listed the kinds the answer is made of (so stale or partial data is never shown as current; an
 * answer that marks itself as loading, the overview, asks only that the cluster answers), and what
 * the caller may see of each kind, as Kubernetes answers for the caller's identity (or, where
 * Kubeward may not impersonate, as the caller's Kubeward grants say).
 */
public final class ClusterReads {

  private final ClusterRegistry clusters;
  private final Authorizer authorizer;

  public ClusterReads(ClusterRegistry clusters, Authorizer authorizer) {
    this.clusters = clusters;
    this.authorizer = authorizer;
  }

  /**
   * @throws ClusterNotFoundException if no cluster has that name
   */
  public ManagedCluster known(String name) {
    return clusters.find(name).orElseThrow(() -> new ClusterNotFoundException(name));
  }

  /**
   * The cluster, checked to answer and to have listed {@code kinds} (no authorization).
   *
   * @throws ClusterNotFoundException if no cluster has that name
   * @throws ClusterUnreachableException if the last probe could not reach the cluster's API
   * @throws ClusterNotSyncedException if one of {@code kinds} has not completed its first list yet
   */
  public ManagedCluster ready(String name, Set<CachedKind> kinds) {
    ManagedCluster cluster = answering(name);
    if (!cluster.cacheSynced(kinds)) {
      throw new ClusterNotSyncedException(cluster.name());
    }
    return cluster;
  }

  /**
   * The cluster, checked to answer (no authorization), whatever its cache has listed so far: for an
   * answer that says itself which of its kinds are still loading (the overview, ADR 0057).
   *
   * @throws ClusterNotFoundException if no cluster has that name
   * @throws ClusterUnreachableException if the last probe could not reach the cluster's API
   */
  public ManagedCluster answering(String name) {
    ManagedCluster cluster = known(name);
    Reachability reachability = cluster.reachability();
    if (reachability.state() == Reachability.State.UNREACHABLE) {
      throw new ClusterUnreachableException(
          cluster.name(), reachability.since(), reachability.lastError());
    }
    return cluster;
  }

  /** The kinds among {@code kinds} that have not completed their first list yet. */
  public static Set<CachedKind> stillListing(ManagedCluster cluster, Set<CachedKind> kinds) {
    Set<CachedKind> listing = EnumSet.noneOf(CachedKind.class);
    for (CachedKind kind : kinds) {
      if (!cluster.cacheSynced(EnumSet.of(kind))) {
        listing.add(kind);
      }
    }
    return listing;
  }

  /**
   * The namespaces in which the caller may list {@code kind}; for a cluster-scoped kind {@link
   * NamespaceVisibility#ALL} or {@link NamespaceVisibility#NONE}.
   */
  public NamespaceVisibility visible(Caller caller, ManagedCluster cluster, CachedKind kind) {
    if (!kind.namespaced()) {
      return authorizer.mayList(caller, cluster.name(), listOf(kind))
          ? NamespaceVisibility.ALL
          : NamespaceVisibility.NONE;
    }
    return authorizer.readable(caller, cluster.name(), listOf(kind), () -> namespaces(cluster));
  }

  /**
   * @throws AccessDeniedException unless the caller may list {@code kind} in some namespace (or,
   *     cluster-scoped, at all)
   */
  public NamespaceVisibility requireVisible(
      Caller caller, ManagedCluster cluster, CachedKind kind) {
    NamespaceVisibility visible = visible(caller, cluster, kind);
    if (visible.isEmpty()) {
      throw new AccessDeniedException(caller.username(), Verb.READ, cluster.name(), null);
    }
    return visible;
  }

  /** Whether the cluster appears to the caller at all. */
  public boolean sees(Caller caller, String cluster) {
    return authorizer.seesCluster(caller, cluster);
  }

  /** The {@code list} question for a cached kind. */
  public static ResourceAction listOf(CachedKind kind) {
    String apiVersion = kind.apiVersion();
    int slash = apiVersion.indexOf('/');
    String group = slash < 0 ? "" : apiVersion.substring(0, slash);
    return ResourceAction.of("list", group, kind.plural(), null);
  }

  private static List<String> namespaces(ManagedCluster cluster) {
    List<String> names = new ArrayList<>();
    for (KubeObjectView namespace : cluster.views(CachedKind.NAMESPACES).all()) {
      names.add(namespace.name());
    }
    return names;
  }
}
