package io.kubeward.cluster.app;

import io.kubeward.access.app.AccessDeniedException;
import io.kubeward.access.app.Caller;
import io.kubeward.access.domain.Verb;
import io.kubeward.cluster.domain.CachedKind;
import io.kubeward.cluster.domain.NamespaceView;
import io.kubeward.cluster.domain.ViewChange;
import java.util.function.Consumer;

/**
 * Use case: follow the changes of a cluster's cached objects that the caller may read. The sink is
 * called on the cache's threads and must hand the change over without blocking.
 */
public final class WatchCluster {

  private final ClusterReads reads;

  public WatchCluster(ClusterReads reads) {
    this.reads = reads;
  }

  /** Stops the changes flowing; idempotent. */
  public interface Subscription extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * @throws ClusterNotFoundException if no cluster has that name
   * @throws io.kubeward.access.app.AccessDeniedException if the caller may read nothing in it
   */
  public Subscription subscribe(Caller caller, String cluster, Consumer<ViewChange> sink) {
    ManagedCluster managed = reads.known(cluster);
    if (!reads.sees(caller, cluster)) {
      throw new AccessDeniedException(caller.username(), Verb.READ, cluster, null);
    }
    Consumer<ViewChange> filter =
        change -> {
          if (visible(caller, managed, change)) {
            sink.accept(change);
          }
        };
    managed.addListener(filter);
    return () -> managed.removeListener(filter);
  }

  /**
   * Whether the caller may see the change: answered from the reviews' short-lived cache, so each
   * change costs a map lookup, and a permission withdrawn ends the flow within that cache's time. A
   * namespace is seen by whoever sees something in it.
   */
  private boolean visible(Caller caller, ManagedCluster cluster, ViewChange change) {
    try {
      if (change.view() instanceof NamespaceView namespace) {
        return reads.visible(caller, cluster, CachedKind.NAMESPACES).all()
            || reads.visible(caller, cluster, CachedKind.PODS).includes(namespace.name());
      }
      return reads.visible(caller, cluster, change.kind()).includes(change.view().namespace());
    } catch (RuntimeException e) {
      return false; // the cluster cannot answer the review now: show nothing rather than too much
    }
  }
}
