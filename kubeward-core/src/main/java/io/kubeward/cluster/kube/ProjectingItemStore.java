package io.kubeward.cluster.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.fabric8.kubernetes.client.informers.cache.ItemStore;
import io.kubeward.cluster.domain.IndexedViews;
import io.kubeward.cluster.domain.KubeObjectView;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The informer's item store, keeping only a compact view per object instead of the object, with
 * secondary indexes over the views.
 *
 * <p>Why an {@link ItemStore} and not an event handler writing into our own map: a handler would
 * sit beside the informer's default cache, which keeps every full object (a Pod is several KB;
 * 30,000 of them are hundreds of MB). Given an {@code ItemStore}, fabric8 keeps nothing else: the
 * full object from a list or watch event is projected here and dropped.
 *
 * <p>Objects decoded by the cache client arrive already projected: a {@link ViewStub} carrying the
 * view, which is kept as it is (ADR 0058); any other object is projected here.
 *
 * <p>fabric8 still asks the store for objects: {@code put}/{@code remove} return the previous one
 * (compared by resource version to skip no-op updates), and a relist walks {@code values()} to drop
 * objects that are gone. For those we hand out a <em>stub</em>, a fresh object carrying only the
 * identity of the view (name, namespace, uid, resource version). Event handlers added to such an
 * informer therefore receive stubs as "old" objects; the cache's own readers use {@link #views()}.
 *
 * <p>Relists (after {@code 410 Gone} or a restart): fabric8 7.8 does not build a second store; it
 * lists page by page ({@code limit} set by {@link ClusterCache}), {@code put}s every item into this
 * same store (replacing the view in place) and then removes the keys that were not listed. The
 * extra memory of a relist is one page (its body and the views decoded from it) plus fabric8's set
 * of listed keys and, at the end of the list, fabric8's list of stubs of every object (ADR 0058).
 *
 * <p>Writes come from the informer's single thread and are serialized here; reads are lock-free and
 * weakly consistent. Listeners are told about each change of a view (a new resource version with
 * the same view is no change) on the informer's thread and must return quickly.
 *
 * @param <T> the Kubernetes type
 * @param <V> its view
 */
final class ProjectingItemStore<T extends HasMetadata, V extends KubeObjectView>
    implements ItemStore<T>, IndexedViews<V> {

  private static final Logger log = LoggerFactory.getLogger(ProjectingItemStore.class);

  /** Told about each change of a view; {@code before} or {@code after} is null on add/delete. */
  interface Listener<V> {
    void changed(V before, V after);
  }

  private final Map<String, V> views = new ConcurrentHashMap<>();
  private final Collection<V> readOnlyViews = Collections.unmodifiableCollection(views.values());
  private final Function<T, V> projection;
  private final Supplier<T> stubFactory;
  private final Map<String, Function<KubeObjectView, List<String>>> indexers;
  private final Map<String, Map<String, Set<String>>> indices = new ConcurrentHashMap<>();
  private final List<Listener<V>> listeners = new CopyOnWriteArrayList<>();
  private volatile Runnable onWrite = () -> {};

  ProjectingItemStore(Function<T, V> projection, Supplier<T> stubFactory) {
    this(projection, stubFactory, Map.of());
  }

  ProjectingItemStore(
      Function<T, V> projection,
      Supplier<T> stubFactory,
      Map<String, Function<KubeObjectView, List<String>>> indexers) {
    this.projection = projection;
    this.stubFactory = stubFactory;
    this.indexers = Map.copyOf(indexers);
    this.indexers.keySet().forEach(name -> indices.put(name, new ConcurrentHashMap<>()));
  }

  /** Runs {@code hook} on each put and remove (the informer's thread): it must be cheap. */
  void onWrite(Runnable hook) {
    this.onWrite = hook;
  }

  void addListener(Listener<V> listener) {
    listeners.add(listener);
  }

  /** A live, weakly consistent, read-only view of the projections (no copy). */
  Collection<V> views() {
    return readOnlyViews;
  }

  @Override
  public Collection<V> all() {
    return readOnlyViews;
  }

  @Override
  public Collection<String> keys(String index, String value) {
    Map<String, Set<String>> byValue = indices.get(index);
    if (byValue == null || value == null) {
      return Set.of();
    }
    Set<String> keys = byValue.get(value);
    return keys == null ? Set.of() : Collections.unmodifiableSet(keys);
  }

  @Override
  public V view(String key) {
    return views.get(key);
  }

  @Override
  public String getKey(T object) {
    return Cache.metaNamespaceKeyFunc(object);
  }

  @Override
  public T put(String key, T object) {
    V next = viewOf(object);
    V previous;
    synchronized (this) {
      previous = views.put(key, next);
      reindex(key, previous, next);
    }
    onWrite.run();
    if (previous == null || !previous.withResourceVersion(next.resourceVersion()).equals(next)) {
      notifyListeners(previous, next);
    }
    return stub(previous);
  }

  @Override
  public T remove(String key) {
    V previous;
    synchronized (this) {
      previous = views.remove(key);
      reindex(key, previous, null);
    }
    onWrite.run();
    if (previous != null) {
      notifyListeners(previous, null);
    }
    return stub(previous);
  }

  private void reindex(String key, V previous, V next) {
    indexers.forEach(
        (name, indexer) -> {
          Map<String, Set<String>> byValue = indices.get(name);
          List<String> before = previous == null ? List.of() : indexer.apply(previous);
          List<String> after = next == null ? List.of() : indexer.apply(next);
          for (String value : before) {
            if (!after.contains(value)) {
              Set<String> keys = byValue.get(value);
              if (keys != null) {
                keys.remove(key);
                if (keys.isEmpty()) {
                  byValue.remove(value);
                }
              }
            }
          }
          for (String value : after) {
            byValue.computeIfAbsent(value, v -> ConcurrentHashMap.newKeySet()).add(key);
          }
        });
  }

  private void notifyListeners(V before, V after) {
    for (Listener<V> listener : listeners) {
      try {
        listener.changed(before, after);
      } catch (RuntimeException e) {
        log.error("A cache listener failed", e);
      }
    }
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

  /**
   * The view of {@code object}: the one it carries if the cache client's decoder projected it
   * already ({@link ViewStub}), else its projection.
   */
  @SuppressWarnings("unchecked")
  private V viewOf(T object) {
    KubeObjectView carried = ViewStub.viewOf(object);
    return carried != null ? (V) carried : projection.apply(object);
  }

  private T stub(V view) {
    return view == null ? null : ViewStub.of(stubFactory, view);
  }
}
