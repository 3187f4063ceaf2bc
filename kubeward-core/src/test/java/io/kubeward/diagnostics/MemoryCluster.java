package io.kubeward.diagnostics;

import io.kubeward.cluster.app.ManagedCluster;
import io.kubeward.cluster.domain.CachedKind;
import io.kubeward.cluster.domain.ClusterSnapshot;
import io.kubeward.cluster.domain.IndexedViews;
import io.kubeward.cluster.domain.Indexes;
import io.kubeward.cluster.domain.KubeObjectView;
import io.kubeward.cluster.domain.Reachability;
import io.kubeward.cluster.domain.ViewChange;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** A cluster whose cache is in-memory maps with the real indexes, telling listeners of changes. */
public final class MemoryCluster implements ManagedCluster {

  private final String name;
  private final Map<CachedKind, Store> stores = new EnumMap<>(CachedKind.class);
  private final List<Consumer<ViewChange>> listeners = new CopyOnWriteArrayList<>();

  public MemoryCluster(String name) {
    this.name = name;
    for (CachedKind kind : CachedKind.values()) {
      stores.put(kind, new Store(kind));
    }
  }

  public void put(CachedKind kind, KubeObjectView view) {
    KubeObjectView before = stores.get(kind).put(view);
    ViewChange.Type type = before == null ? ViewChange.Type.ADDED : ViewChange.Type.MODIFIED;
    listeners.forEach(l -> l.accept(new ViewChange(kind, type, view)));
  }

  public void delete(CachedKind kind, KubeObjectView view) {
    KubeObjectView gone = stores.get(kind).remove(view);
    if (gone != null) {
      listeners.forEach(l -> l.accept(new ViewChange(kind, ViewChange.Type.DELETED, gone)));
    }
  }

  public int listeners() {
    return listeners.size();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Reachability reachability() {
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    return Reachability.unknown(t).afterSuccess(t, Duration.ofMillis(1), "v1.34.4", null);
  }

  @Override
  public boolean cacheSynced() {
    return true;
  }

  @Override
  public boolean cacheSynced(Set<CachedKind> kinds) {
    return true;
  }

  @Override
  public ClusterSnapshot snapshot() {
    return new ClusterSnapshot(List.of(), List.of(), List.of(), List.of(), List.of());
  }

  @Override
  public IndexedViews<? extends KubeObjectView> views(CachedKind kind) {
    return stores.get(kind);
  }

  @Override
  public void addListener(Consumer<ViewChange> listener) {
    listeners.add(listener);
  }

  @Override
  public void removeListener(Consumer<ViewChange> listener) {
    listeners.remove(listener);
  }

  private static final class Store implements IndexedViews<KubeObjectView> {
    final Map<String, KubeObjectView> views = new ConcurrentHashMap<>();
    final Map<String, Map<String, Set<String>>> indices = new ConcurrentHashMap<>();
    final Map<String, java.util.function.Function<KubeObjectView, List<String>>> indexers;

    Store(CachedKind kind) {
      indexers = Indexes.forKind(kind);
      indexers.keySet().forEach(i -> indices.put(i, new ConcurrentHashMap<>()));
    }

    static String key(KubeObjectView view) {
      return view.namespace() == null ? view.name() : view.namespace() + "/" + view.name();
    }

    synchronized KubeObjectView put(KubeObjectView view) {
      String key = key(view);
      KubeObjectView before = views.put(key, view);
      reindex(key, before, view);
      return before;
    }

    synchronized KubeObjectView remove(KubeObjectView view) {
      String key = key(view);
      KubeObjectView before = views.remove(key);
      reindex(key, before, null);
      return before;
    }

    private void reindex(String key, KubeObjectView before, KubeObjectView after) {
      indexers.forEach(
          (index, fn) -> {
            Map<String, Set<String>> byValue = indices.get(index);
            if (before != null) {
              for (String value : fn.apply(before)) {
                Set<String> keys = byValue.get(value);
                if (keys != null) {
                  keys.remove(key);
                }
              }
            }
            if (after != null) {
              for (String value : fn.apply(after)) {
                byValue.computeIfAbsent(value, v -> ConcurrentHashMap.newKeySet()).add(key);
              }
            }
          });
    }

    @Override
    public Collection<KubeObjectView> all() {
      return views.values();
    }

    @Override
    public int size() {
      return views.size();
    }

    @Override
    public Collection<String> keys(String index, String value) {
      Map<String, Set<String>> byValue = indices.get(index);
      Set<String> keys = byValue == null ? null : byValue.get(value);
      return keys == null ? Set.of() : keys;
    }

    @Override
    public KubeObjectView view(String key) {
      return views.get(key);
    }
  }
}
