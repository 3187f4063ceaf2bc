package io.kubeward.events.app;

import io.kubeward.access.app.Caller;
import io.kubeward.access.domain.NamespaceVisibility;
import io.kubeward.cluster.app.ClusterReads;
import io.kubeward.cluster.app.ManagedCluster;
import io.kubeward.cluster.domain.CachedKind;
import io.kubeward.cluster.domain.IndexedViews;
import io.kubeward.cluster.domain.Indexes;
import io.kubeward.cluster.domain.KubeObjectView;
import io.kubeward.cluster.domain.ObjectView;
import io.kubeward.cluster.domain.OwnerRef;
import io.kubeward.events.domain.EventRow;
import io.kubeward.events.domain.InvolvedObject;
import io.kubeward.events.domain.ObservedEvent;
import io.kubeward.events.domain.StoredEvent;
import io.kubeward.events.domain.Timeline;
import io.kubeward.events.domain.Timeline.Related;
import io.kubeward.events.domain.Timeline.Relation;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The timeline of one object: its events and those of its owners (owner chain) and of what it owns
 * down to pods (a Deployment: its ReplicaSets and their pods; a node: its pods), from the store
 * (events kept beyond the apiserver's TTL) merged with the cache (events not flushed yet), newest
 * first; only events in namespaces where the caller may list events (the access reviews of {@link
 * ClusterReads}).
 */
public final class GetEventTimeline {

  private static final int MAX_OWNER_DEPTH = 5;

  private final ClusterReads reads;
  private final EventStore store;
  private final EventSettings settings;
  private final Clock clock;

  public GetEventTimeline(
      ClusterReads reads, EventStore store, EventSettings settings, Clock clock) {
    this.reads = reads;
    this.store = store;
    this.settings = settings;
    this.clock = clock;
  }

  public Timeline timeline(Caller caller, String clusterName, InvolvedObject subject, int limit) {
    ManagedCluster cluster = reads.known(clusterName);
    NamespaceVisibility visible = reads.visible(caller, cluster, CachedKind.EVENTS);
    List<Related> objects = new ArrayList<>();
    boolean truncated = relatives(cluster, subject, settings.maxTimelineObjects(), objects);
    if (visible.isEmpty()) {
      return new Timeline(objects, List.of(), truncated);
    }
    Set<String> namespaces = visible.all() ? null : visible.namespaces();
    List<InvolvedObject> involved = objects.stream().map(Related::object).toList();
    Instant now = clock.instant();
    List<EventRow> stored =
        store.about(clusterName, involved, now.minus(settings.retention()), namespaces, limit + 1);
    Map<String, EventRow> merged = new LinkedHashMap<>();
    for (EventRow row : stored) {
      merged.put(row.event().key(), row);
    }
    for (ObservedEvent e : cached(cluster, involved, visible, now)) {
      String key = StoredEvent.keyOf(e);
      EventRow known = merged.get(key);
      StoredEvent next = StoredEvent.merge(known == null ? null : known.event(), e);
      merged.put(key, new EventRow(known == null ? null : known.id(), next));
    }
    List<EventRow> events = new ArrayList<>(merged.values());
    events.sort(
        Comparator.comparing((EventRow r) -> r.event().lastSeen())
            .reversed()
            .thenComparing(r -> r.event().key()));
    if (events.size() > limit) {
      events = new ArrayList<>(events.subList(0, limit));
      truncated = true;
    }
    return new Timeline(objects, events, truncated);
  }

  /**
   * Fills {@code out} with the subject, its owners and what it owns; true if cut at {@code max}.
   */
  static boolean relatives(
      ManagedCluster cluster, InvolvedObject subject, int max, List<Related> out) {
    out.add(new Related(subject, Relation.SELF));
    // up: the owner chain, as far as the cache knows the owners
    KubeObjectView current = find(cluster, subject).orElse(null);
    for (int depth = 0;
        current != null && current.owner() != null && depth < MAX_OWNER_DEPTH;
        depth++) {
      OwnerRef owner = current.owner();
      InvolvedObject up = new InvolvedObject(owner.kind(), subject.namespace(), owner.name());
      out.add(new Related(up, Relation.OWNER));
      current = find(cluster, up).orElse(null);
    }
    // down: what the subject owns, breadth first, down to pods; a node's pods
    if ("Node".equals(subject.kind())) {
      IndexedViews<? extends KubeObjectView> pods = cluster.views(CachedKind.PODS);
      for (String key : pods.keys(Indexes.NODE, subject.name())) {
        KubeObjectView pod = pods.view(key);
        if (pod != null) {
          if (out.size() >= max) {
            return true;
          }
          out.add(
              new Related(new InvolvedObject("Pod", pod.namespace(), pod.name()), Relation.POD));
        }
      }
      return false;
    }
    if (subject.namespace() == null) {
      return false;
    }
    Deque<InvolvedObject> queue = new ArrayDeque<>();
    queue.add(subject);
    while (!queue.isEmpty()) {
      InvolvedObject parent = queue.poll();
      if ("Pod".equals(parent.kind())) {
        continue;
      }
      String ownerKey = parent.namespace() + "/" + parent.kind() + "/" + parent.name();
      for (CachedKind kind : CachedKind.values()) {
        if (!kind.namespaced() || kind == CachedKind.EVENTS) {
          continue;
        }
        IndexedViews<? extends KubeObjectView> views = views(cluster, kind);
        if (views == null) {
          continue;
        }
        for (String key : views.keys(Indexes.OWNER, ownerKey)) {
          KubeObjectView child = views.view(key);
          if (child == null) {
            continue;
          }
          if (out.size() >= max) {
            return true;
          }
          InvolvedObject down = new InvolvedObject(kind.kind(), child.namespace(), child.name());
          out.add(new Related(down, kind == CachedKind.PODS ? Relation.POD : Relation.OWNED));
          queue.add(down);
        }
      }
    }
    return false;
  }

  private static Optional<KubeObjectView> find(ManagedCluster cluster, InvolvedObject object) {
    for (CachedKind kind : CachedKind.values()) {
      if (kind.kind().equals(object.kind()) && kind.namespaced() == (object.namespace() != null)) {
        IndexedViews<? extends KubeObjectView> views = views(cluster, kind);
        if (views == null) {
          return Optional.empty();
        }
        String key =
            object.namespace() == null ? object.name() : object.namespace() + "/" + object.name();
        return Optional.ofNullable(views.view(key));
      }
    }
    return Optional.empty();
  }

  private static @Nullable IndexedViews<? extends KubeObjectView> views(
      ManagedCluster cluster, CachedKind kind) {
    try {
      return cluster.views(kind);
    } catch (UnsupportedOperationException e) {
      return null;
    }
  }

  /** The cached events about {@code objects} in namespaces the caller may read. */
  private static List<ObservedEvent> cached(
      ManagedCluster cluster,
      Collection<InvolvedObject> objects,
      NamespaceVisibility visible,
      Instant now) {
    IndexedViews<? extends KubeObjectView> events = views(cluster, CachedKind.EVENTS);
    if (events == null) {
      return List.of();
    }
    Map<String, List<InvolvedObject>> byName = new HashMap<>();
    boolean clusterScoped = false;
    java.util.Set<String> namespaces = new java.util.HashSet<>();
    for (InvolvedObject o : objects) {
      byName.computeIfAbsent(o.name(), n -> new ArrayList<>()).add(o);
      if (o.namespace() == null) {
        clusterScoped = true;
      } else {
        namespaces.add(o.namespace());
      }
    }
    List<KubeObjectView> candidates = new ArrayList<>();
    if (clusterScoped) {
      candidates.addAll(events.all()); // a node's events live in any namespace (usually default)
    } else {
      for (String namespace : namespaces) {
        for (String key : events.keys(Indexes.NAMESPACE, namespace)) {
          KubeObjectView view = events.view(key);
          if (view != null) {
            candidates.add(view);
          }
        }
      }
    }
    List<ObservedEvent> out = new ArrayList<>();
    for (KubeObjectView view : candidates) {
      if (!visible.includes(view.namespace())
          || !(view instanceof ObjectView event)
          || !byName.containsKey(String.valueOf(event.fields().get("objectName")))) {
        continue;
      }
      ObservedEvent.from(view, now)
          .filter(
              e ->
                  byName.getOrDefault(e.objectName(), List.of()).stream()
                      .anyMatch(
                          o -> o.matches(e.objectKind(), e.objectNamespace(), e.objectName())))
          .ifPresent(out::add);
    }
    return out;
  }
}
