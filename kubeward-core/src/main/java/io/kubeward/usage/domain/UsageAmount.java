package io.kubeward.usage.domain;

import org.jspecify.annotations.Nullable;

/**
 * One resource (CPU in millicores, or memory in bytes) of a cluster, node, namespace, workload, pod
 * or container: what it uses, requests and is limited to, and what it may allocate.
 *
 * @param used live usage; {@code null} when no metrics source answers or the caller may not read
 *     these metrics
 * @param requested the effective requests of the pods holding node resources
 * @param limits their limits (0 where none is set)
 * @param allocatable what the nodes may allocate; {@code null} where it does not apply or the
 *     caller may not list nodes
 * @param usedPercent {@code used} in percent of {@code allocatable}, {@code null} without both
 */
public record UsageAmount(
    @Nullable Long used,
    long requested,
    long limits,
    @Nullable Long allocatable,
    @Nullable Double usedPercent) {

  public static UsageAmount of(
      @Nullable Long used, long requested, long limits, @Nullable Long allocatable) {
    return new UsageAmount(used, requested, limits, allocatable, Units.percent(used, allocatable));
  }
}
