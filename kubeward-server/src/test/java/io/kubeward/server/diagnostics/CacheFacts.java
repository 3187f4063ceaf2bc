package io.kubeward.server.diagnostics;

import io.kubeward.cluster.app.ManagedCluster;
import io.kubeward.cluster.domain.CachedKind;
import io.kubeward.cluster.domain.IndexedViews;
import io.kubeward.cluster.domain.Indexes;
import io.kubeward.cluster.domain.KubeObjectView;
import io.kubeward.cluster.domain.ObjectView;
import io.kubeward.diagnostics.domain.ClusterFacts;
import io.kubeward.diagnostics.domain.ObjectRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@link ClusterFacts} over a real cluster's shared cache, for the rules' scenario tests (the
 * engine's own implementation is the diagnostics feature's): the same indexed views the engine
 * reads.
 */
final class CacheFacts implements ClusterFacts {

  private final ManagedCluster cluster;

  CacheFacts(ManagedCluster cluster) {
    this.cluster = cluster;
  }

  private Optional<IndexedViews<? extends KubeObjectView>> views(String kind) {
    return Arrays.stream(CachedKind.values())
        .filter(k -> k.kind().equals(kind))
        .findFirst()
        .map(cluster::views);
  }

  @Override
  public Optional<KubeObjectView> get(String kind, String namespace, String name) {
    return views(kind)
        .map(v -> (KubeObjectView) v.view(namespace == null ? name : namespace + "/" + name));
  }

  @Override
  public List<KubeObjectView> list(String kind, String namespace) {
    List<KubeObjectView> out = new ArrayList<>();
    views(kind)
        .ifPresent(
            v -> {
              for (KubeObjectView view : v.all()) {
                if (namespace == null || namespace.equals(view.namespace())) {
                  out.add(view);
                }
              }
            });
    return out;
  }

  @Override
  public List<KubeObjectView> selected(
      String kind, String namespace, Map<String, String> matchLabels) {
    if (matchLabels.isEmpty()) {
      return List.of();
    }
    var views = views(kind).orElse(null);
    if (views == null) {
      return List.of();
    }
    Set<String> keys = null;
    for (var pair : matchLabels.entrySet()) {
      Collection<String> matching =
          views.keys(Indexes.LABEL, pair.getKey() + "=" + pair.getValue());
      keys = keys == null ? new HashSet<>(matching) : keys;
      keys.retainAll(matching);
    }
    List<KubeObjectView> out = new ArrayList<>();
    for (String key : keys) {
      KubeObjectView view = views.view(key);
      if (view != null && Objects.equals(namespace, view.namespace())) {
        out.add(view);
      }
    }
    return out;
  }

  @Override
  public List<KubeObjectView> ownedBy(
      String kind, String namespace, String ownerKind, String ownerName) {
    var views = views(kind).orElse(null);
    if (views == null) {
      return List.of();
    }
    List<KubeObjectView> out = new ArrayList<>();
    for (String key : views.keys(Indexes.OWNER, namespace + "/" + ownerKind + "/" + ownerName)) {
      KubeObjectView view = views.view(key);
      if (view != null) {
        out.add(view);
      }
    }
    return out;
  }

  @Override
  public List<ObjectView> eventsFor(ObjectRef ref) {
    List<ObjectView> out = new ArrayList<>();
    for (KubeObjectView view :
        list("Event", ref.namespace() == null ? "default" : ref.namespace())) {
      if (view instanceof ObjectView event
          && ref.kind().equals(event.fields().get("objectKind"))
          && ref.name().equals(event.fields().get("objectName"))) {
        out.add(event);
      }
    }
    out.sort(
        Comparator.comparing((ObjectView e) -> String.valueOf(e.fields().get("lastSeen")))
            .reversed());
    return out;
  }

  @Override
  public Instant now() {
    return Instant.now();
  }
}
