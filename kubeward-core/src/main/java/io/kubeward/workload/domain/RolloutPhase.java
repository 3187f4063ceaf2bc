package io.kubeward.workload.domain;

/**
 * Where a workload's rollout stands. {@link #COMPLETE} and {@link #FAILED} are final for the
 * current revision (a watch ends there); {@link #STUCK} may still recover (a pod that finally pulls
 * its image), so a live view keeps following it while the CLI's {@code rollout status} gives up.
 */
public enum RolloutPhase {
  /** Every desired replica runs the current revision and is available (a Job: it completed). */
  COMPLETE,
  /** Replicas are being replaced, created or awaited. */
  PROGRESSING,
  /** The rollout is paused (a paused Deployment, a suspended Job). */
  PAUSED,
  /**
   * No progress: a Deployment past its progress deadline ({@code ProgressDeadlineExceeded}), or
   * another kind without progress for longer than {@code kubeward.workloads.stuck-after}.
   */
  STUCK,
  /** It ended badly and will not continue by itself (a failed Job). */
  FAILED;

  /** Whether a follower stops here. */
  public boolean settled() {
    return this == COMPLETE || this == FAILED;
  }
}
