package io.kubeward.diagnostics.domain.rules;

import static io.kubeward.diagnostics.domain.rules.OpsFacts.MAX_EVENTS;
import static io.kubeward.diagnostics.domain.rules.OpsFacts.MAX_PODS;

import io.kubeward.cluster.domain.KubeObjectView;
import io.kubeward.cluster.domain.PodView;
import io.kubeward.diagnostics.domain.Bilingual;
import io.kubeward.diagnostics.domain.ClusterFacts;
import io.kubeward.diagnostics.domain.Evidence;
import io.kubeward.diagnostics.domain.FindingDraft;
import io.kubeward.diagnostics.domain.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code job.failed}: the Job's condition Failed is True (BackoffLimitExceeded, DeadlineExceeded,
 * PodFailurePolicy, ...). The reason, the count of failed pods against the backoff limit and the
 * failed pods' last container states are the evidence.
 */
public final class JobFailedRule extends BaseRule {

  public JobFailedRule() {
    super(
        "job.failed",
        Severity.WARNING,
        "Job",
        Set.of("Pod", "Event"),
        Bilingual.of("Job failed", "Job 失败"));
  }

  @Override
  public List<FindingDraft> judge(KubeObjectView subject, ClusterFacts facts) {
    if (!"Failed".equals(subject.status())) {
      return List.of();
    }
    String reason = OpsFacts.stringField(subject, "failedReason");
    String message = OpsFacts.stringField(subject, "failedMessage");
    int failed = OpsFacts.intField(subject, "failed");
    int backoffLimit = OpsFacts.intField(subject, "backoffLimit");
    List<Evidence> evidence = new ArrayList<>();
    evidence.add(
        Evidence.of(
            Evidence.CONDITION,
            "Failed",
            "True"
                + (reason == null ? "" : ", " + reason)
                + (message == null ? "" : ": " + message)));
    evidence.add(
        Evidence.of(
            Evidence.FIELD,
            "pods (succeeded | failed | backoffLimit)",
            OpsFacts.intField(subject, "succeeded") + " | " + failed + " | " + backoffLimit));
    if (subject.owner() != null) {
      evidence.add(
          Evidence.related(
              "owner",
              subject.owner().kind() + "/" + subject.owner().name(),
              io.kubeward.diagnostics.domain.ObjectRef.of(
                  subject.owner().kind(), subject.namespace(), subject.owner().name())));
    }
    int shown = 0;
    for (PodView pod : OpsFacts.podsOf(facts, "Job", subject.namespace(), subject.name())) {
      if (shown++ >= MAX_PODS) {
        break;
      }
      evidence.add(OpsFacts.pod(pod));
      if (pod.diagnosis() != null) {
        for (var container : pod.diagnosis().containers()) {
          if (container.terminated()) {
            evidence.add(
                new Evidence(
                    Evidence.CONTAINER_STATE,
                    "container " + container.name() + " (pod " + pod.name() + ")",
                    "Terminated"
                        + (container.reason() == null ? "" : ", " + container.reason())
                        + (container.exitCode() == null
                            ? ""
                            : ", exit code " + container.exitCode())
                        + (container.message() == null ? "" : ": " + container.message()),
                    io.kubeward.diagnostics.domain.ObjectRef.of(
                        "Pod", pod.namespace(), pod.name())));
          }
        }
      }
    }
    evidence.addAll(OpsFacts.warningEvents(facts, ref(subject), MAX_EVENTS));
    String why =
        "DeadlineExceeded".equals(reason)
            ? "it ran longer than its activeDeadlineSeconds"
            : "BackoffLimitExceeded".equals(reason)
                ? failed + " pod(s) failed, reaching its backoffLimit of " + backoffLimit
                : reason == null ? "its pods failed" : reason;
    String whyZh =
        "DeadlineExceeded".equals(reason)
            ? "运行时间超过了 activeDeadlineSeconds"
            : "BackoffLimitExceeded".equals(reason)
                ? "已有 " + failed + " 个 Pod 失败，达到 backoffLimit " + backoffLimit
                : reason == null ? "其 Pod 失败" : reason;
    Bilingual explanation =
        Bilingual.of(
            "Job " + subject.name() + " failed: " + why + ".",
            "Job " + subject.name() + " 失败：" + whyZh + "。");
    Bilingual fix =
        Bilingual.of(
            "Read the failed pods' logs (`kubectl logs job/"
                + subject.name()
                + " -n "
                + subject.namespace()
                + "`) and exit codes, fix the command, image or configuration, then delete the Job"
                + " and create it again (a failed Job is never retried).",
            "查看失败 Pod 的日志（`kubectl logs job/"
                + subject.name()
                + " -n "
                + subject.namespace()
                + "`）和退出码，修正命令、镜像或配置，然后删除并重新创建该 Job（失败的 Job 不会自动重试）。");
    return finding(subject, explanation, evidence, fix);
  }
}
