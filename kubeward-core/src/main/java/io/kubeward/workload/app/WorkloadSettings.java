package io.kubeward.workload.app;

import java.time.Duration;

/**
 * Rollout tracking settings: {@code stuckAfter} is how long a StatefulSet, DaemonSet or ReplicaSet
 * may go without progress before its rollout counts as stuck (they have no progress deadline);
 * {@code maxFindingPods} how many not-ready pods get their diagnostics findings attached.
 */
public record WorkloadSettings(Duration stuckAfter, int maxFindingPods) {

  public static final WorkloadSettings DEFAULTS = new WorkloadSettings(Duration.ofMinutes(10), 20);

  public WorkloadSettings {
    if (stuckAfter == null || stuckAfter.isNegative() || stuckAfter.isZero()) {
      throw new IllegalArgumentException("stuck-after must be positive");
    }
    if (maxFindingPods < 0) {
      throw new IllegalArgumentException("max-finding-pods must not be negative");
    }
  }
}
