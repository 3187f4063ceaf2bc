package io.kubeward.server.workload;

import io.kubeward.workload.app.WorkloadSettings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Workload pages and rollout tracking ({@code kubeward.workloads.*}); a bad value stops the start.
 *
 * @param stuckAfter how long a StatefulSet, DaemonSet or ReplicaSet rollout may go without progress
 *     (no count changed, no pod created) before it is stuck; they have no progress deadline of
 *     their own (Deployments use theirs, {@code progressDeadlineSeconds}); 1s to 24h
 * @param maxFindingPods not-ready pods of a rollout that get their diagnostics findings attached (0
 *     to 500)
 * @param streamTick how often a rollout stream judges again without a change in the cache (the
 *     stuck-after clock runs without one), 200ms to 1m
 */
@ConfigurationProperties("kubeward.workloads")
public record WorkloadsProperties(
    @DefaultValue("10m") Duration stuckAfter,
    @DefaultValue("20") int maxFindingPods,
    @DefaultValue("1s") Duration streamTick) {

  public WorkloadsProperties {
    if (stuckAfter == null
        || stuckAfter.compareTo(Duration.ofSeconds(1)) < 0
        || stuckAfter.compareTo(Duration.ofHours(24)) > 0) {
      throw new IllegalArgumentException(
          "kubeward.workloads.stuck-after must be between 1s and 24h");
    }
    if (maxFindingPods < 0 || maxFindingPods > 500) {
      throw new IllegalArgumentException(
          "kubeward.workloads.max-finding-pods must be between 0 and 500");
    }
    if (streamTick == null
        || streamTick.compareTo(Duration.ofMillis(200)) < 0
        || streamTick.compareTo(Duration.ofMinutes(1)) > 0) {
      throw new IllegalArgumentException(
          "kubeward.workloads.stream-tick must be between 200ms and 1m");
    }
  }

  WorkloadSettings settings() {
    return new WorkloadSettings(stuckAfter, maxFindingPods);
  }
}
