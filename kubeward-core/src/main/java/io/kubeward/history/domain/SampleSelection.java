package io.kubeward.history.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * What the built-in history stores of one snapshot, so that it stays bounded at 1,000 nodes and
 * 30,000 pods (ADR 0021): the cluster, every node and every namespace; the {@code maxWorkloads}
 * workloads and the {@code maxPods} pods with the highest CPU, plus as many with the highest memory
 * (a series exists while its target is among them); for each selected workload, one series per
 * container name with the busiest pod's usage of that container (ADR 0048).
 */
public final class SampleSelection {

  private SampleSelection() {}

  /** The values of each selected target. */
  public static Map<HistoryTarget, UsageValues> select(
      UsageSnapshot snapshot, int maxWorkloads, int maxPods) {
    Map<HistoryTarget, UsageValues> out = new LinkedHashMap<>();
    long clusterCpu = 0;
    long clusterMemory = 0;
    for (UsageSnapshot.NodeUsage n : snapshot.nodes()) {
      clusterCpu += n.cpu();
      clusterMemory += n.memory();
    }
    Map<String, Integer> podsPerNode = new HashMap<>();
    Map<String, long[]> namespaces = new HashMap<>();
    Map<HistoryTarget, long[]> workloads = new HashMap<>();
    for (UsageSnapshot.PodUsage p : snapshot.pods()) {
      if (p.node() != null) {
        podsPerNode.merge(p.node(), 1, Integer::sum);
      }
      add(namespaces.computeIfAbsent(p.namespace(), k -> new long[3]), p);
      if (p.workloadKind() != null
          && p.workloadName() != null
          && HistoryTarget.WORKLOAD_KINDS.contains(p.workloadKind())) {
        add(
            workloads.computeIfAbsent(
                HistoryTarget.workload(p.namespace(), p.workloadKind(), p.workloadName()),
                k -> new long[3]),
            p);
      }
    }
    out.put(
        HistoryTarget.cluster(),
        new UsageValues(
            snapshot.nodes().isEmpty() ? null : (double) clusterCpu,
            snapshot.nodes().isEmpty() ? null : (double) clusterMemory,
            (double) snapshot.pods().size()));
    for (UsageSnapshot.NodeUsage n : snapshot.nodes()) {
      out.put(
          HistoryTarget.node(n.name()),
          new UsageValues(
              (double) n.cpu(),
              (double) n.memory(),
              (double) podsPerNode.getOrDefault(n.name(), 0)));
    }
    namespaces.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> out.put(HistoryTarget.namespace(e.getKey()), values(e.getValue())));
    for (HistoryTarget w :
        top(workloads.keySet(), maxWorkloads, t -> workloads.get(t)[0], t -> workloads.get(t)[1])) {
      out.put(w, values(workloads.get(w)));
    }
    out.putAll(containers(snapshot, out.keySet()));
    Map<HistoryTarget, UsageSnapshot.PodUsage> pods = new HashMap<>();
    for (UsageSnapshot.PodUsage p : snapshot.pods()) {
      pods.put(HistoryTarget.pod(p.namespace(), p.name()), p);
    }
    for (HistoryTarget p :
        top(pods.keySet(), maxPods, t -> pods.get(t).cpu(), t -> pods.get(t).memory())) {
      UsageSnapshot.PodUsage u = pods.get(p);
      out.put(p, new UsageValues((double) u.cpu(), (double) u.memory(), 1.0));
    }
    return out;
  }

  /**
   * Per container name of each selected workload: the highest CPU and the highest memory of that
   * container among the workload's pods, and how many pods had it.
   */
  static Map<HistoryTarget, UsageValues> containers(
      UsageSnapshot snapshot, Set<HistoryTarget> selected) {
    Map<HistoryTarget, long[]> acc = new LinkedHashMap<>();
    for (UsageSnapshot.PodUsage p : snapshot.pods()) {
      if (p.workloadKind() == null
          || p.workloadName() == null
          || !HistoryTarget.WORKLOAD_KINDS.contains(p.workloadKind())
          || !selected.contains(
              HistoryTarget.workload(p.namespace(), p.workloadKind(), p.workloadName()))) {
        continue;
      }
      for (UsageSnapshot.ContainerUsage c : p.containers()) {
        long[] a =
            acc.computeIfAbsent(
                HistoryTarget.container(
                    p.namespace(), p.workloadKind(), p.workloadName(), c.name()),
                k -> new long[3]);
        a[0] = Math.max(a[0], c.cpu());
        a[1] = Math.max(a[1], c.memory());
        a[2]++;
      }
    }
    Map<HistoryTarget, UsageValues> out = new LinkedHashMap<>();
    acc.forEach((t, a) -> out.put(t, values(a)));
    return out;
  }

  private static void add(long[] acc, UsageSnapshot.PodUsage p) {
    acc[0] += p.cpu();
    acc[1] += p.memory();
    acc[2]++;
  }

  private static UsageValues values(long[] acc) {
    return new UsageValues((double) acc[0], (double) acc[1], (double) acc[2]);
  }

  /** The {@code n} highest by CPU, then the {@code n} highest by memory (deduplicated). */
  static List<HistoryTarget> top(
      Set<HistoryTarget> all,
      int n,
      ToDoubleFunction<HistoryTarget> cpu,
      ToDoubleFunction<HistoryTarget> memory) {
    if (n <= 0 || all.isEmpty()) {
      return List.of();
    }
    Comparator<HistoryTarget> byKey = Comparator.comparing(HistoryTarget::key);
    Set<HistoryTarget> chosen = new LinkedHashSet<>();
    all.stream()
        .sorted(Comparator.comparingDouble(cpu).reversed().thenComparing(byKey))
        .limit(n)
        .forEach(chosen::add);
    all.stream()
        .sorted(Comparator.comparingDouble(memory).reversed().thenComparing(byKey))
        .limit(n)
        .forEach(chosen::add);
    return new ArrayList<>(chosen);
  }
}
