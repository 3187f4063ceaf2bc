package io.kubeward.cluster.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.ListOptions;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.dsl.internal.AbstractWatchManager;
import io.fabric8.kubernetes.client.informers.impl.ListerWatcher;
import io.kubeward.cluster.domain.CachedKind;
import java.util.concurrent.CompletableFuture;

/**
 * An informer's {@link ListerWatcher} whose list requests (each page) pass the cluster's {@link
 * ListGate}, telling it when a list starts (a page without a continue token) and ends (a page
 * without one, or a failure); watches are not gated (a watch event holds one object, not a page).
 */
final class GatedListerWatcher<T extends HasMetadata, L> implements ListerWatcher<T, L> {

  private final ListerWatcher<T, L> delegate;
  private final ListGate gate;
  private final CachedKind kind;
  private final ListGate.Priority priority;
  private final Lists lists;

  /** Told when a list (all its pages) starts and ends, for the cache's statistics. */
  interface Lists {
    Lists NONE =
        new Lists() {
          @Override
          public void listStarted() {}

          @Override
          public void listEnded(boolean complete) {}
        };

    void listStarted();

    /** {@code complete}: the last page arrived (else the list failed). */
    void listEnded(boolean complete);
  }

  GatedListerWatcher(
      ListerWatcher<T, L> delegate, ListGate gate, CachedKind kind, ListGate.Priority priority) {
    this(delegate, gate, kind, priority, Lists.NONE);
  }

  GatedListerWatcher(
      ListerWatcher<T, L> delegate,
      ListGate gate,
      CachedKind kind,
      ListGate.Priority priority,
      Lists lists) {
    this.delegate = delegate;
    this.gate = gate;
    this.kind = kind;
    this.priority = priority;
    this.lists = lists;
  }

  @Override
  public CompletableFuture<L> submitList(ListOptions options) {
    if (options.getContinue() == null) {
      gate.listStarted(kind, priority);
      lists.listStarted();
    }
    return gate.run(priority, () -> delegate.submitList(options))
        .whenComplete(
            (list, failure) -> {
              if (failure != null || isLastPage(list)) {
                gate.listEnded(kind, priority);
                lists.listEnded(failure == null);
              }
            });
  }

  private static boolean isLastPage(Object list) {
    if (list instanceof KubernetesResourceList<?> resources && resources.getMetadata() != null) {
      String next = resources.getMetadata().getContinue();
      return next == null || next.isEmpty();
    }
    return true;
  }

  @Override
  public CompletableFuture<AbstractWatchManager<T>> submitWatch(
      ListOptions params, Watcher<T> watcher) {
    return delegate.submitWatch(params, watcher);
  }

  @Override
  public Long getLimit() {
    return delegate.getLimit();
  }

  @Override
  public int getWatchReconnectInterval() {
    return delegate.getWatchReconnectInterval();
  }

  @Override
  public String getApiEndpointPath() {
    return delegate.getApiEndpointPath();
  }

  @Override
  public Config getConfig() {
    return delegate.getConfig();
  }
}
