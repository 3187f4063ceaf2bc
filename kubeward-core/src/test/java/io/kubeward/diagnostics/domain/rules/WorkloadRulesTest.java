package io.kubeward.diagnostics.domain.rules;

import static io.kubeward.diagnostics.domain.rules.Facts.NOW;
import static io.kubeward.diagnostics.domain.rules.Facts.meta;
import static io.kubeward.diagnostics.domain.rules.Facts.owner;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.kubeward.cluster.domain.KubeObjectView;
import io.kubeward.diagnostics.domain.Evidence;
import io.kubeward.diagnostics.domain.FindingDraft;
import io.kubeward.diagnostics.domain.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkloadRulesTest {

  final Facts facts = new Facts();

  KubeObjectView deployment(
      int replicas,
      int available,
      String progressReason,
      String availableStatus,
      long availableSinceSecondsAgo) {
    var status =
        new DeploymentBuilder()
            .withMetadata(meta("shop", "web").build())
            .withNewSpec()
            .withReplicas(replicas)
            .endSpec()
            .withNewStatus()
            .withAvailableReplicas(available)
            .withReadyReplicas(available)
            .withUpdatedReplicas(replicas)
            .addNewCondition()
            .withType("Available")
            .withStatus(availableStatus)
            .withReason(
                "True".equals(availableStatus)
                    ? "MinimumReplicasAvailable"
                    : "MinimumReplicasUnavailable")
            .withLastTransitionTime(NOW.minusSeconds(availableSinceSecondsAgo).toString())
            .endCondition()
            .addNewCondition()
            .withType("Progressing")
            .withStatus("ProgressDeadlineExceeded".equals(progressReason) ? "False" : "True")
            .withReason(progressReason)
            .withMessage("ReplicaSet \"web-1\" has timed out progressing.")
            .endCondition()
            .endStatus()
            .build();
    return facts.add(status);
  }

  void crashingPod() {
    facts.add(
        new ReplicaSetBuilder()
            .withMetadata(
                meta("shop", "web-1").withOwnerReferences(owner("Deployment", "web")).build())
            .withNewSpec()
            .withReplicas(1)
            .endSpec()
            .build());
    facts.add(
        new PodBuilder()
            .withMetadata(
                meta("shop", "web-1-abc").withOwnerReferences(owner("ReplicaSet", "web-1")).build())
            .withNewSpec()
            .withNodeName("node-a")
            .addNewContainer()
            .withName("web")
            .endContainer()
            .endSpec()
            .withNewStatus()
            .withPhase("Running")
            .addNewContainerStatus()
            .withName("web")
            .withReady(false)
            .withRestartCount(4)
            .withNewState()
            .withNewWaiting()
            .withReason("CrashLoopBackOff")
            .endWaiting()
            .endState()
            .endContainerStatus()
            .endStatus()
            .build());
  }

  @Test
  void progressDeadlineExceededIsCriticalWithConditionPodsAndEvents() {
    var view = deployment(2, 0, "ProgressDeadlineExceeded", "False", 3600);
    crashingPod();
    facts.event("Deployment", "shop", "web", "Warning", "ProgressDeadlineExceeded", "stuck", 60);

    List<FindingDraft> drafts = facts.judge(new DeploymentProgressDeadlineRule(), view);

    assertThat(drafts)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.severity()).isEqualTo(Severity.CRITICAL);
              assertThat(d.explanation().en()).contains("web", "no progress", "CrashLoopBackOff");
              assertThat(d.explanation().zh()).contains("进度期限");
              assertThat(d.evidence())
                  .extracting(Evidence::label)
                  .contains("Progressing", "replicas", "pod web-1-abc");
              assertThat(d.evidence()).anyMatch(e -> e.kind().equals(Evidence.EVENT));
              assertThat(d.suggestedFix().en())
                  .contains("kubectl rollout undo deployment/web -n shop");
            });
    // The unavailable rule leaves it to the progress-deadline rule.
    assertThat(facts.judge(new DeploymentUnavailableRule(), view)).isEmpty();
  }

  @Test
  void healthyDeploymentHasNoFinding() {
    var view = deployment(2, 2, "NewReplicaSetAvailable", "True", 3600);
    assertThat(facts.judge(new DeploymentProgressDeadlineRule(), view)).isEmpty();
    assertThat(facts.judge(new DeploymentUnavailableRule(), view)).isEmpty();
  }

  @Test
  void unavailableForLongerThanTheGraceIsReportedCriticalWhenNoneIsAvailable() {
    var view = deployment(3, 0, "ReplicaSetUpdated", "False", 900);
    var drafts = facts.judge(new DeploymentUnavailableRule(), view);
    assertThat(drafts)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.severity()).isEqualTo(Severity.CRITICAL);
              assertThat(d.explanation().en()).contains("only 0 of 3", "15m");
            });
    var recent = new Facts();
    var fresh =
        recent.add(
            new DeploymentBuilder()
                .withMetadata(meta("shop", "web").build())
                .withNewSpec()
                .withReplicas(3)
                .endSpec()
                .withNewStatus()
                .withAvailableReplicas(1)
                .addNewCondition()
                .withType("Available")
                .withStatus("False")
                .withLastTransitionTime(NOW.minusSeconds(60).toString())
                .endCondition()
                .endStatus()
                .build());
    assertThat(recent.judge(new DeploymentUnavailableRule(), fresh)).isEmpty();
  }

  @Test
  void statefulSetWithAnUnreadyPodForLong() {
    var set =
        facts.add(
            new StatefulSetBuilder()
                .withMetadata(meta("db", "pg").build())
                .withNewSpec()
                .withReplicas(3)
                .endSpec()
                .withNewStatus()
                .withReplicas(1)
                .withReadyReplicas(0)
                .endStatus()
                .build());
    facts.add(
        new PodBuilder()
            .withMetadata(
                meta("db", "pg-0").withOwnerReferences(owner("StatefulSet", "pg")).build())
            .withNewSpec()
            .addNewContainer()
            .withName("pg")
            .endContainer()
            .endSpec()
            .withNewStatus()
            .withPhase("Pending")
            .endStatus()
            .build());
    var drafts = facts.judge(WorkloadNotReadyRule.statefulSets(), set);
    assertThat(drafts)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.rule().value()).isEqualTo("statefulset.not-ready");
              assertThat(d.severity()).isEqualTo(Severity.CRITICAL);
              assertThat(d.explanation().en()).contains("0 of 3", "only 1 pod(s) exist");
              assertThat(d.evidence()).extracting(Evidence::label).contains("pod pg-0");
            });
  }

  @Test
  void readyStatefulSetHasNoFinding() {
    var set =
        facts.add(
            new StatefulSetBuilder()
                .withMetadata(meta("db", "pg").build())
                .withNewSpec()
                .withReplicas(1)
                .endSpec()
                .withNewStatus()
                .withReplicas(1)
                .withReadyReplicas(1)
                .endStatus()
                .build());
    assertThat(facts.judge(WorkloadNotReadyRule.statefulSets(), set)).isEmpty();
  }

  @Test
  void daemonSetMissingOnANodeNamesTheNode() {
    facts.add(
        new io.fabric8.kubernetes.api.model.NodeBuilder()
            .withNewMetadata()
            .withName("node-b")
            .endMetadata()
            .withNewStatus()
            .addNewCondition()
            .withType("Ready")
            .withStatus("True")
            .endCondition()
            .endStatus()
            .build());
    var set =
        facts.add(
            new DaemonSetBuilder()
                .withMetadata(meta("kube-logging", "agent").build())
                .withNewStatus()
                .withDesiredNumberScheduled(2)
                .withCurrentNumberScheduled(1)
                .withNumberReady(1)
                .endStatus()
                .build());
    var drafts = facts.judge(WorkloadNotReadyRule.daemonSets(), set);
    assertThat(drafts)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.severity()).isEqualTo(Severity.WARNING);
              assertThat(d.explanation().en()).contains("1 node(s) that should run it have no pod");
              assertThat(d.evidence()).anyMatch(e -> e.value().startsWith("node-b"));
            });
    var healthy =
        facts.add(
            new DaemonSetBuilder()
                .withMetadata(meta("kube-logging", "ok").build())
                .withNewStatus()
                .withDesiredNumberScheduled(2)
                .withCurrentNumberScheduled(2)
                .withNumberReady(2)
                .endStatus()
                .build());
    assertThat(facts.judge(WorkloadNotReadyRule.daemonSets(), healthy)).isEmpty();
  }

  @Test
  void failedJobSaysWhyAndHowManyFailed() {
    var job =
        facts.add(
            new JobBuilder()
                .withMetadata(meta("shop", "migrate").build())
                .withNewSpec()
                .withBackoffLimit(2)
                .endSpec()
                .withNewStatus()
                .withFailed(3)
                .addNewCondition()
                .withType("Failed")
                .withStatus("True")
                .withReason("BackoffLimitExceeded")
                .withMessage("Job has reached the specified backoff limit")
                .endCondition()
                .endStatus()
                .build());
    assertThat(facts.judge(new JobFailedRule(), job))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.explanation().en()).contains("3 pod(s) failed", "backoffLimit of 2");
              assertThat(d.explanation().zh()).contains("backoffLimit 2");
              assertThat(d.evidence().getFirst().value()).contains("BackoffLimitExceeded");
            });
    var running =
        facts.add(
            new JobBuilder()
                .withMetadata(meta("shop", "ok").build())
                .withNewSpec()
                .endSpec()
                .build());
    assertThat(facts.judge(new JobFailedRule(), running)).isEmpty();
  }

  @Test
  void cronJobBehindItsScheduleAndSuspendedForLong() {
    var behind =
        facts.add(
            new CronJobBuilder()
                .withMetadata(meta("shop", "report").build())
                .withNewSpec()
                .withSchedule("*/5 * * * *")
                .endSpec()
                .withNewStatus()
                .withLastScheduleTime(NOW.minusSeconds(3600).toString())
                .endStatus()
                .build());
    assertThat(facts.judge(new CronJobNotSchedulingRule(), behind))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.severity()).isEqualTo(Severity.WARNING);
              assertThat(d.explanation().en())
                  .contains("should have started a Job at 2026-12-03T11:05:00Z");
            });
    var onTime =
        facts.add(
            new CronJobBuilder()
                .withMetadata(meta("shop", "ok").build())
                .withNewSpec()
                .withSchedule("0 3 * * *")
                .endSpec()
                .withNewStatus()
                .withLastScheduleTime("2026-12-03T03:00:00Z")
                .endStatus()
                .build());
    assertThat(facts.judge(new CronJobNotSchedulingRule(), onTime)).isEmpty();
    var suspended =
        facts.add(
            new CronJobBuilder()
                .withMetadata(meta("shop", "paused").build())
                .withNewSpec()
                .withSchedule("0 3 * * *")
                .withSuspend(true)
                .endSpec()
                .withNewStatus()
                .withLastScheduleTime(NOW.minusSeconds(3 * 86_400).toString())
                .endStatus()
                .build());
    assertThat(facts.judge(new CronJobNotSchedulingRule(), suspended))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.severity()).isEqualTo(Severity.INFO);
              assertThat(d.explanation().en()).contains("suspended", "3d");
            });
  }

  @Test
  void refusedPodsAreReportedOnTheReplicaSetUntilAPodIsCreated() {
    var rs =
        facts.add(
            new ReplicaSetBuilder()
                .withMetadata(
                    meta("shop", "web-1").withOwnerReferences(owner("Deployment", "web")).build())
                .withNewSpec()
                .withReplicas(2)
                .endSpec()
                .build());
    facts.event(
        "ReplicaSet",
        "shop",
        "web-1",
        "Warning",
        "FailedCreate",
        "pods \"web-1-x\" is forbidden: exceeded quota: compute, requested: pods=1, used: pods=2, limited: pods=2",
        30);
    var rule = PodsNotCreatedRule.all().getFirst();
    assertThat(rule.id().value()).isEqualTo("replicaset.pods-not-created");
    assertThat(facts.judge(rule, rs))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.explanation().en())
                  .contains("(Deployment web)", "ResourceQuota", "exceeded quota");
            });
    // A refusal older than the newest pod is history: creation works again.
    facts.add(
        new PodBuilder()
            .withMetadata(
                meta("shop", "web-1-new")
                    .withOwnerReferences(owner("ReplicaSet", "web-1"))
                    .withCreationTimestamp(NOW.minusSeconds(5).toString())
                    .build())
            .build());
    assertThat(facts.judge(rule, rs)).isEmpty();
    // And so is one older than the window, whatever the pods.
    var late = new Facts();
    var rs2 =
        late.add(
            new ReplicaSetBuilder()
                .withMetadata(meta("shop", "web-2").build())
                .withNewSpec()
                .withReplicas(2)
                .endSpec()
                .build());
    late.event(
        "ReplicaSet", "shop", "web-2", "Warning", "FailedCreate", "exceeded quota: compute", 3600);
    assertThat(late.judge(rule, rs2)).isEmpty();
  }
}
