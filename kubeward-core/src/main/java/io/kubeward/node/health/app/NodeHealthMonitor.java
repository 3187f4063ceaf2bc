package io.kubeward.node.health.app;

import io.kubeward.cluster.app.ClusterRegistry;
import io.kubeward.cluster.app.ManagedCluster;
import io.kubeward.cluster.domain.CachedKind;
import io.kubeward.cluster.domain.IndexedViews;
import io.kubeward.cluster.domain.Indexes;
import io.kubeward.cluster.domain.KubeObjectView;
import io.kubeward.cluster.domain.NodeConditionView;
import io.kubeward.cluster.domain.NodeView;
import io.kubeward.cluster.domain.ObjectView;
import io.kubeward.cluster.domain.PodProblem;
import io.kubeward.cluster.domain.PodView;
import io.kubeward.cluster.domain.Reachability;
import io.kubeward.cluster.domain.ViewChange;
import io.kubeward.common.KubewardException;
import io.kubeward.node.health.domain.HealthDetection;
import io.kubeward.node.health.domain.NodeHealthRules;
import io.kubeward.node.health.domain.NodeHealthTracker;
import io.kubeward.node.health.domain.NodeObservation;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Node health detection over every cluster: {@link #scan()} (called on a fixed interval) reads the
 * node Leases live (one paged list of {@code kube-node-lease} per cluster and scan) and observes
 * every cached node; between scans, changes of cached nodes are observed at once. Detections that
 * start or end go to the {@link NodeHealthListener}s; active ones and the last {@code historyLimit}
 * ended ones per cluster are kept in memory.
 *
 * <p>Evictions counted: pods on the node whose status says {@code Evicted} (kubelet pressure
 * evictions), and cached Events with reason {@code Evicted} or {@code TaintManagerEviction} about a
 * pod still cached on the node. Pods evicted through the Eviction API (drains) are not counted.
 */
public final class NodeHealthMonitor implements NodeHealthHistory, AutoCloseable {

  private static final System.Logger log = System.getLogger(NodeHealthMonitor.class.getName());
  static final Set<String> EVICTION_REASONS = Set.of("Evicted", "TaintManagerEviction");

  private final ClusterRegistry clusters;
  private final NodeLeases leases;
  private final NodeHealthRules rules;
  private final int historyLimit;
  private final Clock clock;
  private final List<NodeHealthListener> listeners = new CopyOnWriteArrayList<>();
  private final Map<String, ClusterHealth> byCluster = new ConcurrentHashMap<>();

  private final class ClusterHealth {
    final NodeHealthTracker tracker;
    final Deque<HealthDetection> ended = new ArrayDeque<>();
    final ManagedCluster cluster;
    final Consumer<ViewChange> onChange;
    volatile Map<String, Instant> leases = Map.of();

    ClusterHealth(ManagedCluster cluster) {
      this.cluster = cluster;
      this.tracker = new NodeHealthTracker(cluster.name(), rules);
      this.onChange = change -> changed(this, change);
    }
  }

  public NodeHealthMonitor(
      ClusterRegistry clusters,
      NodeLeases leases,
      NodeHealthRules rules,
      int historyLimit,
      Clock clock) {
    if (historyLimit < 1) {
      throw new IllegalArgumentException("history must be at least 1");
    }
    this.clusters = clusters;
    this.leases = leases;
    this.rules = rules;
    this.historyLimit = historyLimit;
    this.clock = clock;
  }

  public void addListener(NodeHealthListener listener) {
    listeners.add(listener);
  }

  public void removeListener(NodeHealthListener listener) {
    listeners.remove(listener);
  }

  public NodeHealthRules rules() {
    return rules;
  }

  /** One pass over every reachable, synced cluster; never throws. */
  public void scan() {
    Set<String> seen = new HashSet<>();
    for (ManagedCluster cluster : clusters.all()) {
      seen.add(cluster.name());
      try {
        scan(cluster);
      } catch (RuntimeException e) {
        log.log(
            System.Logger.Level.WARNING, "Node health scan of " + cluster.name() + " failed", e);
      }
    }
    for (String gone : List.copyOf(byCluster.keySet())) {
      if (!seen.contains(gone)) {
        ClusterHealth health = byCluster.remove(gone);
        health.cluster.removeListener(health.onChange);
      }
    }
  }

  private void scan(ManagedCluster cluster) {
    if (!cluster.cacheSynced()
        || cluster.reachability().state() == Reachability.State.UNREACHABLE) {
      return;
    }
    ClusterHealth health = byCluster.get(cluster.name());
    if (health == null || health.cluster != cluster) {
      // first scan of this cluster, or a cluster removed and added again under the same name
      if (health != null) {
        health.cluster.removeListener(health.onChange);
      }
      health = new ClusterHealth(cluster);
      cluster.addListener(health.onChange);
      byCluster.put(cluster.name(), health);
    }
    try {
      health.leases = leases.leaseRenewTimes(cluster.name());
    } catch (KubewardException e) {
      log.log(
          System.Logger.Level.DEBUG,
          "Cannot list the node leases of " + cluster.name() + ": " + e.getMessage());
    }
    Map<String, Map<String, Instant>> evictions = evictions(cluster);
    Set<String> cached = new HashSet<>();
    @SuppressWarnings("unchecked")
    IndexedViews<NodeView> nodes = (IndexedViews<NodeView>) cluster.views(CachedKind.NODES);
    synchronized (health) {
      for (NodeView node : nodes.all()) {
        cached.add(node.name());
        observe(health, node, evictions.getOrDefault(node.name(), Map.of()));
      }
      Instant now = clock.instant();
      for (String node : health.tracker.nodes()) {
        if (!cached.contains(node)) {
          publish(health, health.tracker.forget(node, now));
        }
      }
    }
  }

  private void changed(ClusterHealth health, ViewChange change) {
    if (change.kind() != CachedKind.NODES) {
      return;
    }
    synchronized (health) {
      if (change.type() == ViewChange.Type.DELETED) {
        publish(health, health.tracker.forget(change.view().name(), clock.instant()));
      } else if (change.view() instanceof NodeView node) {
        observe(health, node, Map.of());
      }
    }
  }

  private void observe(ClusterHealth health, NodeView node, Map<String, Instant> evictions) {
    NodeConditionView ready = node.condition("Ready");
    NodeObservation observation =
        new NodeObservation(
            node.name(),
            ready == null ? null : ready.status(),
            Set.copyOf(node.pressures()),
            node.unschedulable(),
            health.leases.get(node.name()),
            evictions);
    publish(health, health.tracker.observe(observation, clock.instant()));
  }

  /** Evictions per node: evicted pods (by uid) and eviction events of pods still cached. */
  private Map<String, Map<String, Instant>> evictions(ManagedCluster cluster) {
    Instant now = clock.instant();
    Map<String, Map<String, Instant>> byNode = new HashMap<>();
    @SuppressWarnings("unchecked")
    IndexedViews<PodView> pods = (IndexedViews<PodView>) cluster.views(CachedKind.PODS);
    for (String key : pods.keys(Indexes.PROBLEM, PodProblem.EVICTED.reason())) {
      PodView pod = pods.view(key);
      if (pod != null && pod.nodeName() != null) {
        byNode.computeIfAbsent(pod.nodeName(), n -> new HashMap<>()).put("pod:" + pod.uid(), now);
      }
    }
    IndexedViews<? extends KubeObjectView> events = cluster.views(CachedKind.EVENTS);
    for (KubeObjectView view : events.all()) {
      if (!(view instanceof ObjectView event)
          || !EVICTION_REASONS.contains(event.fields().get("reason"))
          || !"Pod".equals(event.fields().get("objectKind"))) {
        continue;
      }
      PodView pod = pods.view(event.namespace() + "/" + event.fields().get("objectName"));
      if (pod == null || pod.nodeName() == null) {
        continue;
      }
      Instant at = parse(event.fields().get("lastSeen"), event.createdAt(), now);
      if (at.isAfter(now.minus(rules.evictionWindow()))) {
        byNode.computeIfAbsent(pod.nodeName(), n -> new HashMap<>()).put("pod:" + pod.uid(), at);
      }
    }
    return byNode;
  }

  private static Instant parse(Object text, Instant fallback, Instant now) {
    if (text instanceof String s) {
      try {
        return Instant.parse(s);
      } catch (DateTimeParseException e) {
        // fall through
      }
    }
    return fallback != null ? fallback : now;
  }

  private void publish(ClusterHealth health, List<HealthDetection> transitions) {
    for (HealthDetection detection : transitions) {
      if (!detection.active()) {
        health.ended.addFirst(detection);
        while (health.ended.size() > historyLimit) {
          health.ended.removeLast();
        }
      }
      for (NodeHealthListener listener : listeners) {
        try {
          if (detection.active()) {
            listener.started(detection);
          } else {
            listener.ended(detection);
          }
        } catch (RuntimeException e) {
          log.log(System.Logger.Level.WARNING, "A node health listener failed", e);
        }
      }
    }
  }

  @Override
  public List<HealthDetection> detections(String cluster, String node, Boolean active) {
    ClusterHealth health = byCluster.get(cluster);
    if (health == null) {
      return List.of();
    }
    List<HealthDetection> out = new ArrayList<>();
    synchronized (health) {
      if (!Boolean.FALSE.equals(active)) {
        out.addAll(health.tracker.active());
      }
      if (!Boolean.TRUE.equals(active)) {
        out.addAll(health.ended);
      }
    }
    return out.stream()
        .filter(d -> node == null || d.node().equals(node))
        .sorted(
            Comparator.comparing(HealthDetection::startedAt)
                .reversed()
                .thenComparing(HealthDetection::node)
                .thenComparing(HealthDetection::type))
        .toList();
  }

  /** Stops listening to the clusters' caches. */
  @Override
  public void close() {
    byCluster.values().forEach(h -> h.cluster.removeListener(h.onChange));
    byCluster.clear();
  }
}
