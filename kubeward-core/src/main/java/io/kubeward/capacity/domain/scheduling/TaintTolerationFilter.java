package io.kubeward.capacity.domain.scheduling;

import io.fabric8.kubernetes.api.model.Toleration;
import io.kubeward.cluster.domain.NodeTaint;
import org.jspecify.annotations.Nullable;

/**
 * TaintToleration: every {@code NoSchedule} and {@code NoExecute} taint of the node must be
 * tolerated; {@code PreferNoSchedule} only lowers the score ({@link Scoring}).
 */
public final class TaintTolerationFilter implements SchedulingFilter {

  @Override
  public @Nullable Rejection check(PodShape pod, SchedulingNode node, SchedulingState state) {
    for (NodeTaint taint : node.taints()) {
      if ("PreferNoSchedule".equals(taint.effect())) {
        continue;
      }
      if (!tolerated(pod, taint)) {
        return new Rejection(Rejection.UNTOLERATED_TAINT, taint.toString());
      }
    }
    return null;
  }

  static boolean tolerated(PodShape pod, NodeTaint taint) {
    for (Toleration t : pod.tolerations()) {
      if (tolerates(t, taint.key(), taint.value(), taint.effect())) {
        return true;
      }
    }
    return false;
  }

  /** Whether toleration {@code t} tolerates the taint, as {@code v1.Toleration.ToleratesTaint}. */
  static boolean tolerates(Toleration t, String key, String value, String effect) {
    String tEffect = t.getEffect();
    if (tEffect != null && !tEffect.isEmpty() && !tEffect.equals(effect)) {
      return false;
    }
    String tKey = t.getKey();
    if (tKey != null && !tKey.isEmpty() && !tKey.equals(key)) {
      return false;
    }
    String operator =
        t.getOperator() == null || t.getOperator().isEmpty() ? "Equal" : t.getOperator();
    return switch (operator) {
      case "Exists" -> true;
      case "Equal" ->
          (t.getValue() == null ? "" : t.getValue()).equals(value == null ? "" : value)
              && tKey != null
              && !tKey.isEmpty();
      default -> false;
    };
  }
}
