package io.kubeward.workload.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * Judges a rollout (pure). The order of the checks is kubectl's ({@code
 * k8s.io/kubectl/pkg/polymorphichelpers/rollout_status.go}) so that {@code kubeward rollout status}
 * agrees with {@code kubectl rollout status}; Kubeward adds the stuck judgement: a Deployment past
 * its progress deadline (the Deployment controller's {@code ProgressDeadlineExceeded}), and for the
 * kinds that have no deadline (StatefulSets, DaemonSets, ReplicaSets) no progress for longer than
 * {@code stuckAfter}.
 */
public final class Rollouts {

  /** The Deployment controller's reason for a rollout past {@code progressDeadlineSeconds}. */
  public static final String PROGRESS_DEADLINE_EXCEEDED = "ProgressDeadlineExceeded";

  private Rollouts() {}

  public static RolloutStatus judge(RolloutObservation o, Instant now, Duration stuckAfter) {
    return switch (o.kind()) {
      case DEPLOYMENT -> deployment(o);
      case STATEFULSET -> stuck(statefulSet(o), o, now, stuckAfter);
      case DAEMONSET -> stuck(daemonSet(o), o, now, stuckAfter);
      case REPLICASET -> stuck(replicaSet(o), o, now, stuckAfter);
      case JOB -> job(o);
      case CRONJOB -> throw new IllegalArgumentException("a CronJob has no rollout");
    };
  }

  private static RolloutStatus deployment(RolloutObservation o) {
    if (o.paused()) {
      return status(o, RolloutPhase.PAUSED, RolloutReason.Paused, null);
    }
    if (o.generation() > o.observedGeneration()) {
      return status(o, RolloutPhase.PROGRESSING, RolloutReason.SpecNotObserved, null);
    }
    if (PROGRESS_DEADLINE_EXCEEDED.equals(o.progressingReason())) {
      return status(o, RolloutPhase.STUCK, RolloutReason.ProgressDeadlineExceeded, null);
    }
    if (o.updated() < o.desired()) {
      return status(o, RolloutPhase.PROGRESSING, RolloutReason.UpdatingReplicas, null);
    }
    if (o.total() > o.updated()) {
      return status(o, RolloutPhase.PROGRESSING, RolloutReason.OldReplicasPending, null);
    }
    if (o.available() < o.updated()) {
      return status(o, RolloutPhase.PROGRESSING, RolloutReason.WaitingForAvailable, null);
    }
    return status(o, RolloutPhase.COMPLETE, RolloutReason.Complete, null);
  }

  private static RolloutStatus statefulSet(RolloutObservation o) {
    if (o.observedGeneration() == 0 || o.generation() > o.observedGeneration()) {
      return status(o, RolloutPhase.PROGRESSING, RolloutReason.SpecNotObserved, null);
    }
    boolean revisionsDiffer = o.revision() != null && !o.revision().equals(o.currentRevision());
    if ("OnDelete".equals(o.strategy())) {
      return revisionsDiffer || o.ready() < o.desired()
          ? status(o, RolloutPhase.PROGRESSING, RolloutReason.OnDelete, null)
          : status(o, RolloutPhase.COMPLETE, RolloutReason.Complete, null);
    }
    if (o.ready() < o.desired()) {
      return status(o, RolloutPhase.PROGRESSING, RolloutReason.WaitingForReady, null);
    }
    if (o.partition() != null && o.partition() > 0) {
      if (o.updated() < o.desired() - o.partition()) {
        return status(o, RolloutPhase.PROGRESSING, RolloutReason.UpdatingReplicas, null);
      }
      return status(o, RolloutPhase.COMPLETE, RolloutReason.PartitionedRolloutComplete, null);
    }
    if (revisionsDiffer) {
      return status(o, RolloutPhase.PROGRESSING, RolloutReason.UpdatingReplicas, null);
    }
    return status(o, RolloutPhase.COMPLETE, RolloutReason.Complete, null);
  }

  private static RolloutStatus daemonSet(RolloutObservation o) {
    if (o.generation() > o.observedGeneration()) {
      return status(o, RolloutPhase.PROGRESSING, RolloutReason.SpecNotObserved, null);
    }
    if ("OnDelete".equals(o.strategy())) {
      return o.updated() < o.desired() || o.available() < o.desired()
          ? status(o, RolloutPhase.PROGRESSING, RolloutReason.OnDelete, null)
          : status(o, RolloutPhase.COMPLETE, RolloutReason.Complete, null);
    }
    if (o.updated() < o.desired()) {
      return status(o, RolloutPhase.PROGRESSING, RolloutReason.UpdatingReplicas, null);
    }
    if (o.available() < o.desired()) {
      return status(o, RolloutPhase.PROGRESSING, RolloutReason.WaitingForAvailable, null);
    }
    return status(o, RolloutPhase.COMPLETE, RolloutReason.Complete, null);
  }

  private static RolloutStatus replicaSet(RolloutObservation o) {
    if (o.ready() < o.desired()) {
      return status(o, RolloutPhase.PROGRESSING, RolloutReason.WaitingForReady, null);
    }
    if (o.available() < o.desired()) {
      return status(o, RolloutPhase.PROGRESSING, RolloutReason.WaitingForAvailable, null);
    }
    return status(o, RolloutPhase.COMPLETE, RolloutReason.Complete, null);
  }

  private static RolloutStatus job(RolloutObservation o) {
    String state = o.jobState() == null ? "Running" : o.jobState();
    return switch (state) {
      case "Complete" -> status(o, RolloutPhase.COMPLETE, RolloutReason.Complete, null);
      case "Failed" -> status(o, RolloutPhase.FAILED, RolloutReason.JobFailed, null);
      case "Suspended" -> status(o, RolloutPhase.PAUSED, RolloutReason.JobSuspended, null);
      default -> status(o, RolloutPhase.PROGRESSING, RolloutReason.JobRunning, null);
    };
  }

  /** A progressing rollout without progress for longer than {@code stuckAfter} is stuck. */
  private static RolloutStatus stuck(
      RolloutStatus judged, RolloutObservation o, Instant now, Duration stuckAfter) {
    if (judged.phase() != RolloutPhase.PROGRESSING || o.lastProgress() == null) {
      return judged;
    }
    Instant stuckAt = o.lastProgress().plus(stuckAfter);
    if (now.isBefore(stuckAt)) {
      return status(o, judged.phase(), judged.reason(), stuckAt);
    }
    return status(o, RolloutPhase.STUCK, RolloutReason.NoProgress, stuckAt);
  }

  private static RolloutStatus status(
      RolloutObservation o, RolloutPhase phase, RolloutReason reason, Instant stuckAt) {
    return new RolloutStatus(
        o.kind(),
        o.namespace(),
        o.name(),
        phase,
        reason,
        o.desired(),
        o.updated(),
        o.ready(),
        o.available(),
        o.total(),
        o.revision(),
        o.progressingMessage(),
        o.lastProgress(),
        stuckAt,
        phase == RolloutPhase.COMPLETE ? java.util.List.of() : o.notReady());
  }
}
