package io.kubeward.capacity.domain.scheduling;

import org.jspecify.annotations.Nullable;

/** One Filter plugin of kube-scheduler: may {@code node} take {@code pod} in {@code state}? */
public interface SchedulingFilter {

  /** {@code null} when the node passes, else why not. */
  @Nullable Rejection check(PodShape pod, SchedulingNode node, SchedulingState state);
}
