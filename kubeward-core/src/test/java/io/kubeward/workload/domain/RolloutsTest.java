package io.kubeward.workload.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RolloutsTest {

  private static final Instant NOW = Instant.parse("2026-12-03T20:00:00Z");
  private static final Duration STUCK_AFTER = Duration.ofMinutes(10);

  private static RolloutObservation deployment(
      int desired, int updated, int ready, int available, int total, String progressingReason) {
    return new RolloutObservation(
        WorkloadKind.DEPLOYMENT,
        "shop",
        "web",
        desired,
        updated,
        ready,
        available,
        total,
        2,
        2,
        false,
        null,
        null,
        "2",
        null,
        progressingReason,
        "ReplicaSet \"web-1\" is progressing.",
        null,
        null,
        List.of(pod()));
  }

  private static RolloutPod pod() {
    return new RolloutPod(
        "web-1-a",
        "n1",
        "Pending",
        "0/1",
        0,
        "ImagePullBackOff",
        "ImagePullBackOff",
        "Back-off pulling image",
        NOW,
        NOW,
        List.of());
  }

  private static RolloutObservation statefulSet(
      int ready, String update, String current, Instant lastProgress) {
    return new RolloutObservation(
        WorkloadKind.STATEFULSET,
        "shop",
        "db",
        3,
        3,
        ready,
        ready,
        3,
        4,
        4,
        false,
        "RollingUpdate",
        null,
        update,
        current,
        null,
        null,
        null,
        lastProgress,
        List.of());
  }

  @Test
  void aDeploymentIsJudgedInKubectlsOrder() {
    assertThat(Rollouts.judge(deployment(3, 1, 3, 3, 4, "ReplicaSetUpdated"), NOW, STUCK_AFTER))
        .extracting(RolloutStatus::phase, RolloutStatus::reason)
        .containsExactly(RolloutPhase.PROGRESSING, RolloutReason.UpdatingReplicas);
    assertThat(
            Rollouts.judge(deployment(3, 3, 3, 3, 4, "ReplicaSetUpdated"), NOW, STUCK_AFTER)
                .reason())
        .isEqualTo(RolloutReason.OldReplicasPending);
    assertThat(
            Rollouts.judge(deployment(3, 3, 2, 2, 3, "ReplicaSetUpdated"), NOW, STUCK_AFTER)
                .reason())
        .isEqualTo(RolloutReason.WaitingForAvailable);
    RolloutStatus done =
        Rollouts.judge(deployment(3, 3, 3, 3, 3, "NewReplicaSetAvailable"), NOW, STUCK_AFTER);
    assertThat(done.phase()).isEqualTo(RolloutPhase.COMPLETE);
    assertThat(done.notReady()).isEmpty();
    assertThat(done.settled()).isTrue();
  }

  @Test
  void aDeploymentPastItsDeadlineIsStuckWithThePodsThatAreNotReady() {
    RolloutStatus stuck =
        Rollouts.judge(deployment(3, 1, 3, 3, 4, "ProgressDeadlineExceeded"), NOW, STUCK_AFTER);
    assertThat(stuck.phase()).isEqualTo(RolloutPhase.STUCK);
    assertThat(stuck.reason()).isEqualTo(RolloutReason.ProgressDeadlineExceeded);
    assertThat(stuck.notReady())
        .extracting(RolloutPod::problem)
        .containsExactly("ImagePullBackOff");
    assertThat(stuck.settled()).isFalse();
  }

  @Test
  void pausedAndUnobservedDeployments() {
    var paused =
        new RolloutObservation(
            WorkloadKind.DEPLOYMENT,
            "shop",
            "web",
            3,
            1,
            3,
            3,
            4,
            2,
            2,
            true,
            null,
            null,
            "2",
            null,
            null,
            null,
            null,
            null,
            List.of());
    assertThat(Rollouts.judge(paused, NOW, STUCK_AFTER).phase()).isEqualTo(RolloutPhase.PAUSED);
    var unobserved =
        new RolloutObservation(
            WorkloadKind.DEPLOYMENT,
            "shop",
            "web",
            3,
            3,
            3,
            3,
            3,
            3,
            2,
            false,
            null,
            null,
            "2",
            null,
            null,
            null,
            null,
            null,
            List.of());
    assertThat(Rollouts.judge(unobserved, NOW, STUCK_AFTER).reason())
        .isEqualTo(RolloutReason.SpecNotObserved);
  }

  @Test
  void aStatefulSetWithoutProgressBecomesStuckAfterTheSetting() {
    Instant recent = NOW.minus(Duration.ofMinutes(3));
    RolloutStatus waiting =
        Rollouts.judge(statefulSet(2, "db-2", "db-1", recent), NOW, STUCK_AFTER);
    assertThat(waiting.phase()).isEqualTo(RolloutPhase.PROGRESSING);
    assertThat(waiting.reason()).isEqualTo(RolloutReason.WaitingForReady);
    assertThat(waiting.stuckAt()).isEqualTo(recent.plus(STUCK_AFTER));

    Instant old = NOW.minus(Duration.ofMinutes(11));
    RolloutStatus stuck = Rollouts.judge(statefulSet(2, "db-2", "db-1", old), NOW, STUCK_AFTER);
    assertThat(stuck.phase()).isEqualTo(RolloutPhase.STUCK);
    assertThat(stuck.reason()).isEqualTo(RolloutReason.NoProgress);

    assertThat(Rollouts.judge(statefulSet(3, "db-2", "db-1", old), NOW, STUCK_AFTER).reason())
        .as("all ready but not all on the update revision")
        .isEqualTo(RolloutReason.NoProgress);
    assertThat(Rollouts.judge(statefulSet(3, "db-2", "db-2", old), NOW, STUCK_AFTER).phase())
        .as("a complete rollout is never stuck")
        .isEqualTo(RolloutPhase.COMPLETE);
  }

  @Test
  void aPartitionedStatefulSetIsCompleteUpToThePartition() {
    var partitioned =
        new RolloutObservation(
            WorkloadKind.STATEFULSET,
            "shop",
            "db",
            4,
            2,
            4,
            4,
            4,
            2,
            2,
            false,
            "RollingUpdate",
            2,
            "db-2",
            "db-1",
            null,
            null,
            null,
            NOW,
            List.of());
    assertThat(Rollouts.judge(partitioned, NOW, STUCK_AFTER).reason())
        .isEqualTo(RolloutReason.PartitionedRolloutComplete);
  }

  @Test
  void jobsCompleteOrFail() {
    var failed =
        new RolloutObservation(
            WorkloadKind.JOB,
            "shop",
            "migrate",
            1,
            0,
            0,
            0,
            7,
            0,
            0,
            false,
            null,
            null,
            null,
            null,
            null,
            "Job has reached the specified backoff limit",
            "Failed",
            null,
            List.of());
    RolloutStatus status = Rollouts.judge(failed, NOW, STUCK_AFTER);
    assertThat(status.phase()).isEqualTo(RolloutPhase.FAILED);
    assertThat(status.message()).contains("backoff limit");
    assertThat(status.settled()).isTrue();
  }
}
