package io.kubeward.cluster.domain;

import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a person wants to know first about a cluster: how many nodes are fine, which pods are in
 * trouble and why, whether the Deployments are available, and how much the cluster can hold.
 *
 * @param cluster the cluster's name in Kubeward
 * @param kubernetesVersion the apiserver's git version (e.g. {@code v1.34.1}), {@code null} if
 *     unknown
 */
public record ClusterOverview(
    String cluster,
    String kubernetesVersion,
    NodeSummary nodes,
    PodSummary pods,
    int namespaces,
    DeploymentSummary deployments,
    int services,
    Resources allocatable) {

  /** Node counts. {@code zones} is sorted by zone name; nodes without a zone come last. */
  public record NodeSummary(
      int total, int ready, int notReady, int unschedulable, List<ZoneSummary> zones) {}

  /** Nodes in one zone ({@code zone} is {@code null} for nodes without a zone label). */
  public record ZoneSummary(String zone, int total, int ready) {}

  /**
   * Pod counts. {@code byPhase} has every phase, {@code byProblem} every problem reason, zeros
   * included, so clients see a stable shape; keys are the names Kubernetes uses.
   */
  public record PodSummary(
      int total, Map<String, Integer> byPhase, Map<String, Integer> byProblem, int withProblems) {}

  public record DeploymentSummary(int total, int available, int unavailable) {}

  /** Computes the overview from the cached views. Pure: no I/O, no clock. */
  public static ClusterOverview compute(
      String cluster, String kubernetesVersion, ClusterSnapshot snapshot) {
    return new ClusterOverview(
        cluster,
        kubernetesVersion,
        summarizeNodes(snapshot),
        summarizePods(snapshot),
        snapshot.namespaces().size(),
        summarizeDeployments(snapshot),
        snapshot.services().size(),
        allocatable(snapshot));
  }

  private static NodeSummary summarizeNodes(ClusterSnapshot snapshot) {
    int total = 0;
    int ready = 0;
    int unschedulable = 0;
    Map<String, int[]> byZone = new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
    for (NodeView node : snapshot.nodes()) {
      total++;
      if (node.ready()) {
        ready++;
      }
      if (node.unschedulable()) {
        unschedulable++;
      }
      int[] zone = byZone.computeIfAbsent(node.zone(), z -> new int[2]);
      zone[0]++;
      if (node.ready()) {
        zone[1]++;
      }
    }
    List<ZoneSummary> zones =
        byZone.entrySet().stream()
            .map(e -> new ZoneSummary(e.getKey(), e.getValue()[0], e.getValue()[1]))
            .toList();
    return new NodeSummary(total, ready, total - ready, unschedulable, zones);
  }

  private static PodSummary summarizePods(ClusterSnapshot snapshot) {
    Map<PodPhase, Integer> phases = new EnumMap<>(PodPhase.class);
    Map<PodProblem, Integer> problems = new EnumMap<>(PodProblem.class);
    int total = 0;
    int withProblems = 0;
    for (PodView pod : snapshot.pods()) {
      total++;
      phases.merge(pod.phase() == null ? PodPhase.UNKNOWN : pod.phase(), 1, Integer::sum);
      if (pod.problem() != null) {
        withProblems++;
        problems.merge(pod.problem(), 1, Integer::sum);
      }
    }
    Map<String, Integer> byPhase = new LinkedHashMap<>();
    for (PodPhase phase : PodPhase.values()) {
      byPhase.put(phase.kubernetesName(), phases.getOrDefault(phase, 0));
    }
    Map<String, Integer> byProblem = new LinkedHashMap<>();
    for (PodProblem problem : PodProblem.values()) {
      byProblem.put(problem.reason(), problems.getOrDefault(problem, 0));
    }
    return new PodSummary(
        total,
        Collections.unmodifiableMap(byPhase),
        Collections.unmodifiableMap(byProblem),
        withProblems);
  }

  private static DeploymentSummary summarizeDeployments(ClusterSnapshot snapshot) {
    int total = 0;
    int available = 0;
    for (DeploymentView deployment : snapshot.deployments()) {
      total++;
      if (deployment.isAvailable()) {
        available++;
      }
    }
    return new DeploymentSummary(total, available, total - available);
  }

  private static Resources allocatable(ClusterSnapshot snapshot) {
    Resources sum = Resources.ZERO;
    for (NodeView node : snapshot.nodes()) {
      sum = sum.plus(node.allocatable());
    }
    return sum;
  }
}
