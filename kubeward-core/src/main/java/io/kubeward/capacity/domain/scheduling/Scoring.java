package io.kubeward.capacity.domain.scheduling;

import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraintBuilder;
import io.kubeward.cluster.domain.NodeTaint;
import io.kubeward.cluster.domain.Resources;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Score plugins of kube-scheduler's default profile that decide where a pod lands when several
 * nodes fit, with their default weights: TaintToleration (3, fewer untolerated {@code
 * PreferNoSchedule} taints), PodTopologySpread (2, {@code ScheduleAnyway} constraints, or the
 * system defaults — hostname skew 3, zone skew 5 — for a pod without constraints), NodeResourcesFit
 * LeastAllocated (1, CPU and memory, with the scheduler's non-zero defaults 100m / 200Mi for a pod
 * without requests) and NodeResourcesBalancedAllocation (1). Preferred node and pod affinity and
 * image locality are not modelled.
 */
public final class Scoring {

  static final long DEFAULT_CPU_MILLIS = 100;
  static final long DEFAULT_MEMORY_BYTES = 200L * 1024 * 1024;
  static final int MAX = 100;

  private Scoring() {}

  /** The total weighted score of each feasible node for {@code pod}. */
  public static Map<String, Double> scores(
      PodShape pod, List<SchedulingNode> feasible, SchedulingState state) {
    Map<String, Double> total = new HashMap<>();
    Map<String, Double> taints = normalizeReverse(pod, feasible, taintCounts(pod, feasible));
    Map<String, Double> spread = spread(pod, feasible, state);
    for (SchedulingNode node : feasible) {
      double score =
          3 * taints.get(node.name())
              + 2 * spread.getOrDefault(node.name(), 0.0)
              + leastAllocated(pod, node, state)
              + balanced(pod, node, state);
      total.put(node.name(), score);
    }
    return total;
  }

  /** LeastAllocated over CPU and memory (weights 1), with non-zero defaults. */
  static double leastAllocated(PodShape pod, SchedulingNode node, SchedulingState state) {
    long cpu = nonZeroCpu(pod);
    long memory = nonZeroMemory(pod);
    for (PodShape p : state.podsOn(node.name())) {
      cpu += nonZeroCpu(p);
      memory += nonZeroMemory(p);
    }
    Resources a = node.allocatable();
    return (free(cpu, a.cpuMillis()) + free(memory, a.memoryBytes())) / 2.0;
  }

  private static double free(long requested, long allocatable) {
    if (allocatable <= 0 || requested > allocatable) {
      return 0;
    }
    return Math.floor((allocatable - requested) * (double) MAX / allocatable);
  }

  /** BalancedAllocation: 100 × (1 − standard deviation of the CPU and memory fractions). */
  static double balanced(PodShape pod, SchedulingNode node, SchedulingState state) {
    Resources used = state.requested(node.name());
    Resources a = node.allocatable();
    double cpu = fraction(used.cpuMillis() + pod.requests().cpuMillis(), a.cpuMillis());
    double memory = fraction(used.memoryBytes() + pod.requests().memoryBytes(), a.memoryBytes());
    double std = Math.abs(cpu - memory) / 2;
    return Math.floor((1 - std) * MAX);
  }

  private static double fraction(long requested, long allocatable) {
    return allocatable <= 0 ? 1 : Math.min(1, requested / (double) allocatable);
  }

  private static long nonZeroCpu(PodShape p) {
    return p.requests().cpuMillis() == 0 ? DEFAULT_CPU_MILLIS : p.requests().cpuMillis();
  }

  private static long nonZeroMemory(PodShape p) {
    return p.requests().memoryBytes() == 0 ? DEFAULT_MEMORY_BYTES : p.requests().memoryBytes();
  }

  private static Map<String, Double> taintCounts(PodShape pod, List<SchedulingNode> feasible) {
    Map<String, Double> counts = new HashMap<>();
    for (SchedulingNode node : feasible) {
      double count = 0;
      for (NodeTaint taint : node.taints()) {
        if ("PreferNoSchedule".equals(taint.effect())
            && !TaintTolerationFilter.tolerated(pod, taint)) {
          count++;
        }
      }
      counts.put(node.name(), count);
    }
    return counts;
  }

  /** The scheduler's DefaultNormalizeScore with reverse: fewest gets 100. */
  private static Map<String, Double> normalizeReverse(
      PodShape pod, List<SchedulingNode> feasible, Map<String, Double> raw) {
    double max = raw.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
    Map<String, Double> out = new HashMap<>();
    for (SchedulingNode node : feasible) {
      double v = raw.get(node.name());
      out.put(node.name(), max == 0 ? MAX : MAX - Math.floor(v * MAX / max));
    }
    return out;
  }

  /** PodTopologySpread's score: fewer matching pods in the node's domains scores higher. */
  static Map<String, Double> spread(
      PodShape pod, List<SchedulingNode> feasible, SchedulingState state) {
    List<TopologySpreadConstraint> constraints = softConstraints(pod);
    Map<String, Double> out = new HashMap<>();
    if (constraints.isEmpty()) {
      return out;
    }
    Map<String, Double> raw = new HashMap<>();
    for (SchedulingNode node : feasible) {
      double score = 0;
      boolean hasKeys = true;
      for (TopologySpreadConstraint c : constraints) {
        String domain = node.labels().get(c.getTopologyKey());
        if (domain == null) {
          if (pod.spread().isEmpty()) {
            continue; // the system defaults do not require every key
          }
          hasKeys = false;
          break;
        }
        Map<String, Integer> counts = TopologySpreadFilter.counts(pod, c, state);
        double weight = Math.log(counts.size() + 2);
        int maxSkew = c.getMaxSkew() == null ? 1 : c.getMaxSkew();
        score += counts.getOrDefault(domain, 0) * weight + (maxSkew - 1);
      }
      if (hasKeys) {
        raw.put(node.name(), Math.round(score) * 1.0);
      }
    }
    double max = raw.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
    double min = raw.values().stream().mapToDouble(Double::doubleValue).min().orElse(0);
    for (SchedulingNode node : feasible) {
      Double s = raw.get(node.name());
      if (s == null) {
        out.put(node.name(), 0.0);
      } else {
        out.put(node.name(), max == 0 ? MAX : Math.floor(MAX * (max + min - s) / max));
      }
    }
    return out;
  }

  /** The pod's ScheduleAnyway constraints, or the system defaults when it has no constraint. */
  static List<TopologySpreadConstraint> softConstraints(PodShape pod) {
    if (!pod.spread().isEmpty()) {
      return pod.spread().stream()
          .filter(c -> "ScheduleAnyway".equals(c.getWhenUnsatisfiable()))
          .toList();
    }
    if (pod.labels().isEmpty()) {
      return List.of();
    }
    var selector = new LabelSelectorBuilder().withMatchLabels(pod.labels()).build();
    return List.of(
        new TopologySpreadConstraintBuilder()
            .withTopologyKey("kubernetes.io/hostname")
            .withMaxSkew(3)
            .withWhenUnsatisfiable("ScheduleAnyway")
            .withLabelSelector(selector)
            .build(),
        new TopologySpreadConstraintBuilder()
            .withTopologyKey("topology.kubernetes.io/zone")
            .withMaxSkew(5)
            .withWhenUnsatisfiable("ScheduleAnyway")
            .withLabelSelector(selector)
            .build());
  }
}
