package io.kubeward.capacity.domain.scheduling;

import io.kubeward.cluster.domain.Resources;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The nodes and the pods bound to them, changed as a simulation places pods: a copy of the cached
 * state that the filters and scores read. Nodes are kept sorted by name so that answers are stable.
 */
public final class SchedulingState {

  /** A pod bound to a node. */
  public record Bound(PodShape pod, String node) {}

  private final Map<String, SchedulingNode> nodes = new TreeMap<>();
  private final Map<String, List<PodShape>> podsByNode = new TreeMap<>();
  private final Map<String, Resources> requested = new TreeMap<>();

  /** What filters and scores derive from the state for one pod, dropped on every change. */
  private final Map<Object, Map<Object, Object>> memo = new IdentityHashMap<>();

  public SchedulingState(Collection<SchedulingNode> nodes, Collection<Bound> pods) {
    for (SchedulingNode node : nodes) {
      this.nodes.put(node.name(), node);
      podsByNode.put(node.name(), new ArrayList<>());
      requested.put(node.name(), Resources.ZERO);
    }
    for (Bound bound : pods) {
      bind(bound.pod(), bound.node());
    }
  }

  public Collection<SchedulingNode> nodes() {
    return nodes.values();
  }

  public SchedulingNode node(String name) {
    return nodes.get(name);
  }

  /** What the pods on {@code node} request (pods: how many there are). */
  public Resources requested(String node) {
    return requested.getOrDefault(node, Resources.ZERO);
  }

  public List<PodShape> podsOn(String node) {
    return podsByNode.getOrDefault(node, List.of());
  }

  /**
   * A value derived from this state for {@code owner} (a pod, or a term of it), computed once until
   * the state changes: the filters ask the same per node, and nodes × pods per node would be slow.
   */
  @SuppressWarnings("unchecked")
  <T> T memo(Object owner, Object key, Supplier<T> compute) {
    Map<Object, Object> values = memo.computeIfAbsent(owner, k -> new IdentityHashMap<>());
    Object value = values.get(key);
    if (value == null) {
      value = compute.get();
      values.put(key, value);
    }
    return (T) value;
  }

  /** Binds {@code pod} to {@code node}; a pod on an unknown node is ignored. */
  public void bind(PodShape pod, String node) {
    memo.clear();
    List<PodShape> pods = podsByNode.get(node);
    if (pods == null) {
      return;
    }
    pods.add(pod);
    Resources r = pod.requests();
    requested.put(
        node, requested.get(node).plus(new Resources(r.cpuMillis(), r.memoryBytes(), 1, 0)));
  }

  /** Removes and returns the pods on {@code node} that {@code evicted} selects. */
  public List<PodShape> evict(String node, Predicate<PodShape> evicted) {
    memo.clear();
    List<PodShape> out = new ArrayList<>();
    List<PodShape> pods = podsByNode.getOrDefault(node, new ArrayList<>());
    pods.removeIf(
        p -> {
          if (evicted.test(p)) {
            out.add(p);
            return true;
          }
          return false;
        });
    Resources sum = Resources.ZERO;
    for (PodShape p : pods) {
      sum = sum.plus(new Resources(p.requests().cpuMillis(), p.requests().memoryBytes(), 1, 0));
    }
    if (nodes.containsKey(node)) {
      requested.put(node, sum);
    }
    return out;
  }

  /** Marks {@code node} unschedulable (cordon). */
  public void cordon(String node) {
    memo.clear();
    SchedulingNode n = nodes.get(node);
    if (n != null) {
      nodes.put(node, n.cordoned());
    }
  }
}
