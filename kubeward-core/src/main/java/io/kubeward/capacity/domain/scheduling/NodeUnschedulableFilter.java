package io.kubeward.capacity.domain.scheduling;

import io.fabric8.kubernetes.api.model.Toleration;
import org.jspecify.annotations.Nullable;

/**
 * NodeUnschedulable: a cordoned node takes no pod, unless the pod tolerates the taint {@code
 * node.kubernetes.io/unschedulable:NoSchedule} (as DaemonSet pods do).
 */
public final class NodeUnschedulableFilter implements SchedulingFilter {

  static final String TAINT_KEY = "node.kubernetes.io/unschedulable";

  @Override
  public @Nullable Rejection check(PodShape pod, SchedulingNode node, SchedulingState state) {
    if (!node.unschedulable()) {
      return null;
    }
    for (Toleration t : pod.tolerations()) {
      if (TaintTolerationFilter.tolerates(t, TAINT_KEY, "", "NoSchedule")) {
        return null;
      }
    }
    return Rejection.of(Rejection.UNSCHEDULABLE);
  }
}
