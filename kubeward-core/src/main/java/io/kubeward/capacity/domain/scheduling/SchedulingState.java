package io.kubeward.capacity.domain.scheduling;

import io.kubeward.cluster.domain.Resources;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

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

  /** Binds {@code pod} to {@code node}; a pod on an unknown node is ignored. */
  public void bind(PodShape pod, String node) {
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
    SchedulingNode n = nodes.get(node);
    if (n != null) {
      nodes.put(node, n.cordoned());
    }
  }
}
