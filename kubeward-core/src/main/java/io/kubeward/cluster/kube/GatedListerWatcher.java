package io.kubeward.cluster.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ListOptions;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.dsl.internal.AbstractWatchManager;
import io.fabric8.kubernetes.client.informers.impl.ListerWatcher;
import java.util.concurrent.CompletableFuture;

/**
 * An informer's {@link ListerWatcher} whose list requests (each page) pass the cluster's {@link
 * ListGate}; watches are not gated (a watch event holds one object, not a page).
 */
final class GatedListerWatcher<T extends HasMetadata, L> implements ListerWatcher<T, L> {

  private final ListerWatcher<T, L> delegate;
  private final ListGate gate;

  GatedListerWatcher(ListerWatcher<T, L> delegate, ListGate gate) {
    this.delegate = delegate;
    this.gate = gate;
  }

  @Override
  public CompletableFuture<L> submitList(ListOptions options) {
    return gate.run(() -> delegate.submitList(options));
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
