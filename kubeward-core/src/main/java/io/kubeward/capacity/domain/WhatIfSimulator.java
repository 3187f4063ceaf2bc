package io.kubeward.capacity.domain;

import io.kubeward.capacity.domain.scheduling.Decision;
import io.kubeward.capacity.domain.scheduling.PodShape;
import io.kubeward.capacity.domain.scheduling.Scheduler;
import io.kubeward.capacity.domain.scheduling.SchedulingNode;
import io.kubeward.capacity.domain.scheduling.SchedulingState;
import io.kubeward.cluster.domain.LabelSelector;
import io.kubeward.cluster.domain.NodeView;
import io.kubeward.cluster.domain.PodView;
import io.kubeward.cluster.domain.Resources;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What-if questions over a copy of the cached state: more replicas of a workload, other requests
 * for it, or a drain of nodes. Pure; the live reads (templates, the pods of drained nodes) are
 * given.
 */
public final class WhatIfSimulator {

  private WhatIfSimulator() {}

  /** Do {@code count} more replicas of the workload fit? */
  public static WhatIfAnswer replicas(
      Collection<NodeView> nodes, Collection<PodView> pods, WorkloadTemplate workload, int count) {
    SchedulingState state = state(nodes, pods, workload);
    PodShape template = template(workload);
    List<PodShape> added = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      added.add(template.named(workload.name() + "-new-" + i));
    }
    return answer(
        "replicas", subject(workload), Scheduler.placeAll(added, state), List.of(), List.of());
  }

  /**
   * What if the workload's pods requested {@code requests} (a rollout replaces every replica: its
   * pods leave and {@code replicas} new ones are placed)?
   */
  public static WhatIfAnswer requests(
      Collection<NodeView> nodes,
      Collection<PodView> pods,
      WorkloadTemplate workload,
      Resources requests) {
    LabelSelector selector = LabelSelector.from(workload.selector());
    List<PodView> others =
        pods.stream()
            .filter(
                p -> !(p.namespace().equals(workload.namespace()) && selector.matches(p.labels())))
            .toList();
    SchedulingState state = state(nodes, others, workload);
    PodShape template = template(workload).withRequests(requests);
    List<PodShape> replaced = new ArrayList<>();
    for (int i = 1; i <= workload.replicas(); i++) {
      replaced.add(template.named(workload.name() + "-" + i));
    }
    return answer(
        "requests", subject(workload), Scheduler.placeAll(replaced, state), List.of(), List.of());
  }

  /**
   * What if {@code drained} nodes are drained: cordoned, their pods evicted (DaemonSet pods stay,
   * as with {@code kubectl drain}) and the pods a controller recreates placed again.
   *
   * @param evicted the pods of the drained nodes, read live (with tolerations, affinity, spread)
   * @param controlled which of them a controller recreates
   */
  public static WhatIfAnswer drain(
      String subject,
      Collection<NodeView> nodes,
      Collection<PodView> pods,
      Set<String> drained,
      List<PodShape> evicted,
      Set<String> controlled) {
    List<PodView> staying = pods.stream().filter(p -> !onDrained(p, drained)).toList();
    List<PodView> daemons =
        pods.stream()
            .filter(p -> onDrained(p, drained))
            .filter(p -> p.owner() != null && "DaemonSet".equals(p.owner().kind()))
            .toList();
    List<PodView> kept = new ArrayList<>(staying);
    kept.addAll(daemons);
    SchedulingState state = state(nodes, kept, null);
    drained.forEach(state::cordon);
    List<PodShape> replace = new ArrayList<>();
    List<String> gone = new ArrayList<>();
    for (PodShape pod : evicted) {
      if (pod.daemonSet()) {
        continue;
      }
      String key = pod.namespace() + "/" + pod.name();
      if (controlled.contains(key)) {
        replace.add(pod.named(key));
      } else {
        gone.add(key);
      }
    }
    return answer("drain", subject, Scheduler.placeAll(replace, state), List.copyOf(drained), gone);
  }

  /** Whether the pod is bound to a drained node (a pending pod is on none). */
  private static boolean onDrained(PodView pod, Set<String> drained) {
    return pod.nodeName() != null && drained.contains(pod.nodeName());
  }

  static PodShape template(WorkloadTemplate workload) {
    return PodShape.of(
        workload.name(), workload.namespace(), workload.labels(), workload.spec(), false);
  }

  /**
   * The cached state; pods of {@code workload} (if any) get the template's constraints, so that
   * their anti-affinity counts for the new replicas too.
   */
  static SchedulingState state(
      Collection<NodeView> nodes, Collection<PodView> pods, WorkloadTemplate workload) {
    List<SchedulingNode> schedulingNodes = nodes.stream().map(SchedulingNode::of).toList();
    LabelSelector selector = workload == null ? null : LabelSelector.from(workload.selector());
    PodShape template = workload == null ? null : template(workload);
    List<SchedulingState.Bound> bound = new ArrayList<>();
    for (PodView pod : pods) {
      if (!pod.holdsResources()) {
        continue;
      }
      PodShape shape;
      if (template != null
          && pod.namespace().equals(workload.namespace())
          && selector.matches(pod.labels())) {
        shape = template.named(pod.name()).withRequests(pod.requests());
        shape = labelled(shape, pod.labels());
      } else {
        shape = PodShape.basic(pod.name(), pod.namespace(), pod.labels(), pod.requests());
      }
      bound.add(new SchedulingState.Bound(shape, pod.nodeName()));
    }
    return new SchedulingState(schedulingNodes, bound);
  }

  private static PodShape labelled(PodShape shape, Map<String, String> labels) {
    return new PodShape(
        shape.name(),
        shape.namespace(),
        labels,
        shape.requests(),
        shape.nodeSelector(),
        shape.requiredNodeAffinity(),
        shape.tolerations(),
        shape.affinity(),
        shape.antiAffinity(),
        shape.spread(),
        shape.daemonSet());
  }

  private static String subject(WorkloadTemplate workload) {
    return workload.kind() + " " + workload.namespace() + "/" + workload.name();
  }

  private static WhatIfAnswer answer(
      String question,
      String subject,
      List<Decision> decisions,
      List<String> drained,
      List<String> gone) {
    List<Placement> placements = new ArrayList<>();
    int fitting = 0;
    for (Decision d : decisions) {
      placements.add(new Placement(d.pod(), d.node(), d.tiedWith(), d.reasons()));
      if (d.fits()) {
        fitting++;
      }
    }
    return new WhatIfAnswer(
        question,
        subject,
        decisions.size(),
        fitting,
        placements,
        drained.stream().sorted().toList(),
        gone);
  }
}
