package io.kubeward.cluster.app;

import io.kubeward.access.app.Caller;
import io.kubeward.access.domain.NamespaceVisibility;
import io.kubeward.cluster.domain.NamespaceView;
import io.kubeward.cluster.domain.ViewChange;
import java.util.function.Consumer;

/**
 * Use case: follow the changes of a cluster's cached objects that the caller may read. The sink is
 * called on the cache's threads and must hand the change over without blocking.
 */
public final class WatchCluster {

  private final ClusterRegistry clusters;

  public WatchCluster(ClusterRegistry clusters) {
    this.clusters = clusters;
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
    ReadableCluster readable = ReadableCluster.known(clusters, caller, cluster);
    NamespaceVisibility visible = readable.visible();
    Consumer<ViewChange> filter =
        change -> {
          String namespace =
              change.view() instanceof NamespaceView ns ? ns.name() : change.view().namespace();
          if (visible.includes(namespace)) {
            sink.accept(change);
          }
        };
    ManagedCluster managed = readable.cluster();
    managed.addListener(filter);
    return () -> managed.removeListener(filter);
  }
}
