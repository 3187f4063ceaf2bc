package io.kubeward.fleet.domain;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The pods with a problem across every cluster the caller may read: the first {@code limit} of them
 * (cluster by cluster in the order of the cluster list, then by namespace and name), how many match
 * in all over the clusters that answered ({@code total}), and per cluster whether it answered.
 * {@code complete} is false when a cluster that would have been searched did not answer (still
 * loading, unreachable, failing): the answer is then partial and says so, instead of failing as a
 * whole. A cluster where the caller may read no pods is marked but leaves the answer complete.
 */
public record FleetProblemPods(
    List<ProblemPod> items, int total, boolean complete, List<ClusterProblems> clusters) {

  public FleetProblemPods {
    items = List.copyOf(items);
    clusters = List.copyOf(clusters);
  }

  /** The same with each cluster's entry rewritten (to translate its message). */
  public FleetProblemPods mapClusters(UnaryOperator<ClusterProblems> rewrite) {
    return new FleetProblemPods(items, total, complete, clusters.stream().map(rewrite).toList());
  }
}
