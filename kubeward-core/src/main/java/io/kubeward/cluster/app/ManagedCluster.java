package io.kubeward.cluster.app;

import io.kubeward.access.domain.ClusterAccess;
import io.kubeward.cluster.domain.CachedKind;
import io.kubeward.cluster.domain.ClusterSnapshot;
import io.kubeward.cluster.domain.ControlPlaneHealth;
import io.kubeward.cluster.domain.IndexedViews;
import io.kubeward.cluster.domain.KubeObjectView;
import io.kubeward.cluster.domain.Reachability;
import io.kubeward.cluster.domain.ViewChange;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Port: one cluster Kubeward manages, as the use cases see it. The {@code kube} package implements
 * it over a fabric8 client, a shared informer cache and a reachability probe.
 */
public interface ManagedCluster extends AutoCloseable {

  /** Where a cluster's connection comes from, as the API shows it. */
  enum Source {
    KUBECONFIG,
    IN_CLUSTER,
    ADDED
  }

  /** The cluster's name in Kubeward (unique, used in URLs). */
  String name();

  default Source source() {
    return Source.KUBECONFIG;
  }

  Reachability reachability();

  /** Whether every informer has completed its first list, so {@link #snapshot()} is complete. */
  boolean cacheSynced();

  /**
   * Whether these kinds have completed their first list (the others may still be listing): an
   * overview needs only its own kinds, a list of pods only pods.
   */
  default boolean cacheSynced(Set<CachedKind> kinds) {
    return cacheSynced();
  }

  /** The cached views; cheap (no copy). */
  ClusterSnapshot snapshot();

  /** The indexed views of one cached kind. */
  default IndexedViews<? extends KubeObjectView> views(CachedKind kind) {
    throw new UnsupportedOperationException("no cached " + kind.plural());
  }

  /** Runs {@code listener} on each change of a cached view; it must return quickly. */
  default void addListener(Consumer<ViewChange> listener) {}

  default void removeListener(Consumer<ViewChange> listener) {}

  /**
   * How Kubeward may act for its users here (impersonation or read-only), as last checked; {@link
   * ClusterAccess#unknown()} until a check succeeded.
   */
  default ClusterAccess access() {
    return ClusterAccess.unknown();
  }

  /**
   * A number that changes whenever something that affects users' permissions changes in the cluster
   * (RBAC objects, namespaces): cached access reviews of an older value are stale.
   */
  default long accessGeneration() {
    return 0;
  }

  /** What the shared cache tells about each kind (for metrics); empty if there is no cache. */
  default List<? extends CacheStatistics> cacheStatistics() {
    return List.of();
  }

  /** Fetches {@code /readyz?verbose} and {@code /livez} now (never throws). */
  default ControlPlaneHealth controlPlaneHealth() {
    return ControlPlaneHealth.unavailable("not supported");
  }

  /** Stops the cache and the probe and releases the connections. */
  @Override
  default void close() {}
}
