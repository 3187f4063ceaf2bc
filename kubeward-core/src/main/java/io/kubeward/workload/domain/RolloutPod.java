package io.kubeward.workload.domain;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A pod of the rollout's new revision that is not ready, and why: its problem as the pod list shows
 * it ({@code ImagePullBackOff}, {@code CrashLoopBackOff}, ...), else the reason and message of its
 * first waiting or terminated container, else the pod's phase; the scheduler's message while it is
 * unscheduled; since when it is not ready; and the diagnostics findings about it.
 */
public record RolloutPod(
    String name,
    @Nullable String node,
    String phase,
    String ready,
    int restarts,
    @Nullable String problem,
    @Nullable String reason,
    @Nullable String message,
    @Nullable Instant createdAt,
    @Nullable Instant notReadySince,
    List<PodFinding> findings) {

  public RolloutPod {
    findings = findings == null ? List.of() : List.copyOf(findings);
  }
}
