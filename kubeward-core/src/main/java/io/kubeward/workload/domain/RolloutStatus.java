package io.kubeward.workload.domain;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A workload's rollout as {@code kubectl rollout status} judges it, plus why it does not progress.
 * {@code desired}/{@code updated}/{@code ready}/{@code available} are replica counts (a Job:
 * completions, succeeded, active and succeeded); {@code total} counts the pods of every revision;
 * {@code revision} is the revision being rolled out (Deployment: the revision number, StatefulSet:
 * the update revision, DaemonSet: the template generation); {@code message} the controller's own
 * words where it has some (the Deployment's {@code Progressing} condition, a Job's failure); {@code
 * lastProgress} when a count last changed or a pod of the workload was last created (kinds without
 * a progress deadline), {@code stuckAfter} when that becomes {@link RolloutPhase#STUCK}; {@code
 * notReady} the new revision's pods that are not ready, oldest first.
 */
public record RolloutStatus(
    WorkloadKind kind,
    String namespace,
    String name,
    RolloutPhase phase,
    RolloutReason reason,
    int desired,
    int updated,
    int ready,
    int available,
    int total,
    @Nullable String revision,
    @Nullable String message,
    @Nullable Instant lastProgress,
    @Nullable Instant stuckAt,
    List<RolloutPod> notReady) {

  public RolloutStatus {
    notReady = notReady == null ? List.of() : List.copyOf(notReady);
  }

  /** Whether a follower stops: complete or failed. */
  public boolean settled() {
    return phase.settled();
  }
}
