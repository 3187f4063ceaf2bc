package io.kubeward.workload.domain;

/**
 * The stable reason of a {@link RolloutStatus}, one per situation kubectl's {@code rollout status}
 * tells apart (and the stuck and job cases it does not); the REST API, console and CLI translate it
 * (message keys {@code workload.rollout.<Reason>}).
 */
public enum RolloutReason {
  /** Done: every replica updated and available (kubectl: "successfully rolled out"). */
  Complete,
  /** Done up to the partition (StatefulSet with {@code partition}). */
  PartitionedRolloutComplete,
  /** The controller has not observed the latest spec yet. */
  SpecNotObserved,
  /** Fewer replicas run the new revision than desired. */
  UpdatingReplicas,
  /** Replicas of older revisions are still terminating. */
  OldReplicasPending,
  /** Updated replicas exist but are not all available yet. */
  WaitingForAvailable,
  /** Replicas are not all ready yet. */
  WaitingForReady,
  /** StatefulSet/DaemonSet with {@code OnDelete}: pods change only when someone deletes them. */
  OnDelete,
  /** The Deployment is paused. */
  Paused,
  /** The Deployment controller reported {@code Progressing=False ProgressDeadlineExceeded}. */
  ProgressDeadlineExceeded,
  /** No replica count changed and no pod was created for longer than the stuck-after setting. */
  NoProgress,
  /** The Job is running. */
  JobRunning,
  /** The Job is suspended. */
  JobSuspended,
  /** The Job failed ({@code Failed=True}). */
  JobFailed
}
