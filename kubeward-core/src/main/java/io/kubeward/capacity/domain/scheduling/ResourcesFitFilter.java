package io.kubeward.capacity.domain.scheduling;

import io.kubeward.cluster.domain.Resources;
import org.jspecify.annotations.Nullable;

/**
 * NodeResourcesFit: the pod's requests (CPU, memory, one pod slot) plus what the node's pods
 * request must not exceed the node's allocatable. The first resource that does not fit is the
 * reason, in kube-scheduler's order (pods, cpu, memory).
 */
public final class ResourcesFitFilter implements SchedulingFilter {

  @Override
  public @Nullable Rejection check(PodShape pod, SchedulingNode node, SchedulingState state) {
    Resources used = state.requested(node.name());
    Resources allocatable = node.allocatable();
    if (used.pods() + 1 > allocatable.pods()) {
      return Rejection.of(Rejection.TOO_MANY_PODS);
    }
    Resources r = pod.requests();
    if (r.cpuMillis() > 0 && used.cpuMillis() + r.cpuMillis() > allocatable.cpuMillis()) {
      return Rejection.of(Rejection.INSUFFICIENT_CPU);
    }
    if (r.memoryBytes() > 0 && used.memoryBytes() + r.memoryBytes() > allocatable.memoryBytes()) {
      return Rejection.of(Rejection.INSUFFICIENT_MEMORY);
    }
    return null;
  }
}
