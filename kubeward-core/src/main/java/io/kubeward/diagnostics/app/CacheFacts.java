package io.kubeward.diagnostics.app;

import io.kubeward.cluster.app.ManagedCluster;
import io.kubeward.cluster.domain.CachedKind;
import io.kubeward.cluster.domain.IndexedViews;
import io.kubeward.cluster.domain.Indexes;
import io.kubeward.cluster.domain.KubeObjectView;
import io.kubeward.cluster.domain.ObjectView;
import io.kubeward.diagnostics.domain.ClusterFacts;
import io.kubeward.diagnostics.domain.ObjectRef;
import io.kubeward.diagnostics.domain.RuleSettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link ClusterFacts} over one cluster's shared cache, made for one evaluation (a full pass or one
 * batch of changes): the time is fixed at its start, and the events of a namespace are grouped by
 * their object once, on the first question about that namespace.
 */
public final class CacheFacts implements ClusterFacts {

  private static final Map<String, CachedKind> BY_KIND = new HashMap<>();

  static {
    for (CachedKind kind : CachedKind.values()) {
      BY_KIND.put(kind.kind(), kind);
    }
  }

  private final ManagedCluster cluster;
  private final Instant now;
  private final RuleSettings settings;
  private final Map<String, Map<String, List<ObjectView>>> eventsByNamespace = new HashMap<>();

  public CacheFacts(ManagedCluster cluster, Instant now, RuleSettings settings) {
    this.cluster = cluster;
    this.now = now;
    this.settings = settings;
  }

  /** The cached kind of a Kubernetes kind name, or {@code null}. */
  static CachedKind cachedKind(String kind) {
    return kind == null ? null : BY_KIND.get(kind);
  }

  private IndexedViews<? extends KubeObjectView> views(String kind) {
    CachedKind cached = cachedKind(kind);
    if (cached == null) {
      return null;
    }
    try {
      return cluster.views(cached);
    } catch (UnsupportedOperationException e) {
      return null;
    }
  }

  @Override
  public Optional<KubeObjectView> get(String kind, String namespace, String name) {
    IndexedViews<? extends KubeObjectView> views = views(kind);
    if (views == null || name == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(views.view(namespace == null ? name : namespace + "/" + name));
  }

  @Override
  public List<KubeObjectView> list(String kind, String namespace) {
    IndexedViews<? extends KubeObjectView> views = views(kind);
    if (views == null) {
      return List.of();
    }
    if (namespace == null) {
      return List.copyOf(views.all());
    }
    return byKeys(views, views.keys(Indexes.NAMESPACE, namespace));
  }

  @Override
  public List<KubeObjectView> selected(
      String kind, String namespace, Map<String, String> matchLabels) {
    IndexedViews<? extends KubeObjectView> views = views(kind);
    if (views == null || matchLabels == null || matchLabels.isEmpty()) {
      return List.of();
    }
    Map.Entry<String, String> first = matchLabels.entrySet().iterator().next();
    List<KubeObjectView> out = new ArrayList<>();
    for (String key : views.keys(Indexes.LABEL, first.getKey() + "=" + first.getValue())) {
      KubeObjectView view = views.view(key);
      if (view != null
          && namespace.equals(view.namespace())
          && view.labels().entrySet().containsAll(matchLabels.entrySet())) {
        out.add(view);
      }
    }
    return out;
  }

  @Override
  public List<KubeObjectView> ownedBy(
      String kind, String namespace, String ownerKind, String ownerName) {
    IndexedViews<? extends KubeObjectView> views = views(kind);
    if (views == null) {
      return List.of();
    }
    return byKeys(views, views.keys(Indexes.OWNER, namespace + "/" + ownerKind + "/" + ownerName));
  }

  @Override
  public List<ObjectView> eventsFor(ObjectRef ref) {
    String namespace = ref.namespace() == null ? "default" : ref.namespace();
    Map<String, List<ObjectView>> byObject =
        eventsByNamespace.computeIfAbsent(namespace, this::eventsOf);
    return byObject.getOrDefault(ref.kind() + "/" + ref.name(), List.of());
  }

  private Map<String, List<ObjectView>> eventsOf(String namespace) {
    Map<String, List<ObjectView>> byObject = new HashMap<>();
    for (KubeObjectView view : list("Event", namespace)) {
      if (view instanceof ObjectView event) {
        Object kind = event.fields().get("objectKind");
        Object name = event.fields().get("objectName");
        if (kind != null && name != null) {
          byObject.computeIfAbsent(kind + "/" + name, k -> new ArrayList<>()).add(event);
        }
      }
    }
    Comparator<ObjectView> newestFirst =
        Comparator.comparing(CacheFacts::lastSeen, Comparator.reverseOrder());
    byObject.values().forEach(events -> events.sort(newestFirst));
    return byObject;
  }

  static String lastSeen(ObjectView event) {
    Object lastSeen = event.fields().get("lastSeen");
    if (lastSeen instanceof String text) {
      return text;
    }
    return event.createdAt() == null ? "" : event.createdAt().toString();
  }

  @Override
  public Instant now() {
    return now;
  }

  @Override
  public RuleSettings settings() {
    return settings;
  }

  private static List<KubeObjectView> byKeys(
      IndexedViews<? extends KubeObjectView> views, Collection<String> keys) {
    List<KubeObjectView> out = new ArrayList<>(keys.size());
    for (String key : keys) {
      KubeObjectView view = views.view(key);
      if (view != null) {
        out.add(view);
      }
    }
    return out;
  }
}
