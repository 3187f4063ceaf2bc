package io.kubeward.cluster.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.fabric8.kubernetes.client.informers.cache.ItemStore;
import io.kubeward.cluster.domain.KubeObjectView;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The informer's item store, keeping only a compact view per object instead of the object.
 *
 * <p>Why an {@link ItemStore} and not an event handler writing into our own map: a handler would
 * sit beside the informer's default cache, which keeps every full object (a Pod is several KB;
 * 30,000 of them are hundreds of MB). Given an {@code ItemStore}, fabric8 keeps nothing else: the
 * full object from a list or watch event is projected here and dropped.
 *
 * <p>fabric8 still asks the store for objects: {@code put}/{@code remove} return the previous one
 * (compared by resource version to skip no-op updates), and a relist walks {@code values()} to drop
 * objects that are gone. For those we hand out a <em>stub</em>, a fresh object carrying only the
 * identity of the view (name, namespace, uid, resource version). Event handlers added to such an
 * informer therefore receive stubs as "old" objects; the cache's own readers use {@link #views()}.
 *
 * @param <T> the Kubernetes type
 * @param <V> its view
 */
final class ProjectingItemStore<T extends HasMetadata, V extends KubeObjectView>
    implements ItemStore<T> {

  private final Map<String, V> views = new ConcurrentHashMap<>();
  private final Collection<V> readOnlyViews = Collections.unmodifiableCollection(views.values());
  private final Function<T, V> projection;
  private final Supplier<T> stubFactory;

  ProjectingItemStore(Function<T, V> projection, Supplier<T> stubFactory) {
    this.projection = projection;
    this.stubFactory = stubFactory;
  }

  /** A live, weakly consistent, read-only view of the projections (no copy). */
  Collection<V> views() {
    return readOnlyViews;
  }

  V view(String key) {
    return views.get(key);
  }

  @Override
  public String getKey(T object) {
    return Cache.metaNamespaceKeyFunc(object);
  }

  @Override
  public T put(String key, T object) {
    return stub(views.put(key, projection.apply(object)));
  }

  @Override
  public T remove(String key) {
    return stub(views.remove(key));
  }

  @Override
  public Stream<String> keySet() {
    return views.keySet().stream();
  }

  @Override
  public Stream<T> values() {
    return views.values().stream().map(this::stub);
  }

  @Override
  public int size() {
    return views.size();
  }

  @Override
  public T get(String key) {
    return stub(views.get(key));
  }

  /** Not the full state: handlers must not expect complete objects from this store. */
  @Override
  public boolean isFullState() {
    return false;
  }

  private T stub(V view) {
    if (view == null) {
      return null;
    }
    T stub = stubFactory.get();
    ObjectMeta meta = new ObjectMeta();
    meta.setNamespace(view.namespace());
    meta.setName(view.name());
    meta.setUid(view.uid());
    meta.setResourceVersion(view.resourceVersion());
    stub.setMetadata(meta);
    return stub;
  }
}
