package io.kubeward.capacity.domain.scheduling;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model of kube-scheduler's default profile over a {@link SchedulingState}: the filters that
 * matter, in the scheduler's order (the first that says no is the node's reason, as in a {@code
 * FailedScheduling} event), then {@link Scoring} among the nodes that fit. Pods are placed one at a
 * time, each seeing the ones before it, as the scheduler's queue does.
 */
public final class Scheduler {

  private static final List<SchedulingFilter> FILTERS =
      List.of(
          new NodeUnschedulableFilter(),
          new TaintTolerationFilter(),
          new NodeAffinityFilter(),
          new ResourcesFitFilter(),
          new TopologySpreadFilter(),
          new InterPodAffinityFilter());

  private Scheduler() {}

  /** Places each pod in turn, binding it in {@code state} when it fits. */
  public static List<Decision> placeAll(List<PodShape> pods, SchedulingState state) {
    List<Decision> out = new ArrayList<>();
    for (PodShape pod : pods) {
      Decision d = place(pod, state);
      if (d.fits()) {
        state.bind(pod, d.node());
      }
      out.add(d);
    }
    return out;
  }

  /** Where {@code pod} would land in {@code state} (the state is not changed). */
  public static Decision place(PodShape pod, SchedulingState state) {
    List<SchedulingNode> feasible = new ArrayList<>();
    Map<Rejection, Integer> rejected = new LinkedHashMap<>();
    for (SchedulingNode node : state.nodes()) {
      Rejection r = firstRejection(pod, node, state);
      if (r == null) {
        feasible.add(node);
      } else {
        rejected.merge(r, 1, Integer::sum);
      }
    }
    if (feasible.isEmpty()) {
      List<ReasonCount> reasons = new ArrayList<>();
      rejected.forEach((r, n) -> reasons.add(new ReasonCount(r.code(), r.detail(), n)));
      reasons.sort(
          Comparator.comparingInt(ReasonCount::nodes)
              .reversed()
              .thenComparing(ReasonCount::code)
              .thenComparing(ReasonCount::detail));
      return new Decision(pod.name(), null, List.of(), reasons);
    }
    Map<String, Double> scores = Scoring.scores(pod, feasible, state);
    double best = scores.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
    List<String> top = new ArrayList<>();
    for (SchedulingNode node : feasible) {
      if (scores.get(node.name()) >= best - 1e-9) {
        top.add(node.name());
      }
    }
    return new Decision(pod.name(), top.getFirst(), top.subList(1, top.size()), List.of());
  }

  static Rejection firstRejection(PodShape pod, SchedulingNode node, SchedulingState state) {
    for (SchedulingFilter filter : FILTERS) {
      Rejection r = filter.check(pod, node, state);
      if (r != null) {
        return r;
      }
    }
    return null;
  }
}
