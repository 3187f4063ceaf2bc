package io.kubeward.diagnostics.domain.rules;

import static io.kubeward.diagnostics.domain.rules.OpsFacts.MAX_EVENTS;
import static io.kubeward.diagnostics.domain.rules.OpsFacts.MAX_PODS;

import io.kubeward.cluster.domain.ConditionView;
import io.kubeward.cluster.domain.DeploymentView;
import io.kubeward.cluster.domain.KubeObjectView;
import io.kubeward.cluster.domain.PodView;
import io.kubeward.diagnostics.domain.Bilingual;
import io.kubeward.diagnostics.domain.ClusterFacts;
import io.kubeward.diagnostics.domain.Evidence;
import io.kubeward.diagnostics.domain.FindingDraft;
import io.kubeward.diagnostics.domain.Severity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code deployment.unavailable}: fewer replicas are available than the Deployment's minimum
 * (condition Available False, MinimumReplicasUnavailable) for at least {@code grace}. Critical when
 * none is available. Left to {@code deployment.progress-deadline} when that one applies.
 */
public final class DeploymentUnavailableRule extends BaseRule {

  public static final Duration DEFAULT_GRACE = Duration.ofMinutes(5);

  private final Duration grace;

  public DeploymentUnavailableRule() {
    this(DEFAULT_GRACE);
  }

  public DeploymentUnavailableRule(Duration grace) {
    super(
        "deployment.unavailable",
        Severity.WARNING,
        "Deployment",
        Set.of("ReplicaSet", "Pod", "Event"),
        Bilingual.of("Deployment has too few available replicas", "Deployment 可用副本不足"));
    this.grace = grace;
  }

  @Override
  public List<FindingDraft> judge(KubeObjectView subject, ClusterFacts facts) {
    if (!(subject instanceof DeploymentView deployment)
        || deployment.desired() == 0
        || deployment.fullyAvailable()) {
      return List.of();
    }
    ConditionView progressing = deployment.condition("Progressing");
    if (progressing != null
        && progressing.isFalse()
        && "ProgressDeadlineExceeded".equals(progressing.reason())
        && !deployment.paused()) {
      return List.of();
    }
    ConditionView available = deployment.condition("Available");
    if (available == null
        || !available.isFalse()
        || !OpsFacts.lastedAtLeast(available.since(), grace, facts)) {
      return List.of();
    }
    List<Evidence> evidence = new ArrayList<>();
    evidence.add(
        Evidence.of(
            Evidence.CONDITION,
            "Available",
            "False"
                + (available.reason() == null ? "" : ", " + available.reason())
                + (available.message() == null ? "" : ": " + available.message())
                + " (since "
                + available.since()
                + ")"));
    evidence.add(DeploymentProgressDeadlineRule.replicas(deployment));
    ConditionView failure = deployment.condition("ReplicaFailure");
    if (failure != null && failure.isTrue()) {
      evidence.add(
          Evidence.of(
              Evidence.CONDITION,
              "ReplicaFailure",
              "True, "
                  + failure.reason()
                  + ": "
                  + DeploymentProgressDeadlineRule.nullToEmpty(failure.message())));
    }
    List<PodView> pods =
        OpsFacts.podsOf(facts, "Deployment", deployment.namespace(), deployment.name());
    int shown = 0;
    for (PodView pod : pods) {
      if (!OpsFacts.ready(pod) && shown++ < MAX_PODS) {
        evidence.add(OpsFacts.pod(pod));
      }
    }
    evidence.addAll(OpsFacts.warningEvents(facts, ref(deployment), MAX_EVENTS));
    String since = OpsFacts.since(available.since(), facts);
    String problem = DeploymentProgressDeadlineRule.firstProblem(pods);
    Severity severity = deployment.available() == 0 ? Severity.CRITICAL : Severity.WARNING;
    Bilingual explanation =
        Bilingual.of(
            "Deployment "
                + deployment.name()
                + " has had only "
                + deployment.available()
                + " of "
                + deployment.desired()
                + " replicas available for "
                + since
                + (deployment.paused() ? " (its rollout is paused)" : "")
                + "."
                + (problem == null ? "" : " Its pods show " + problem + ".")
                + (pods.isEmpty() ? " It has no pods at all: see the ReplicaSet's events." : ""),
            "Deployment "
                + deployment.name()
                + " 已有 "
                + since
                + " 仅有 "
                + deployment.available()
                + "/"
                + deployment.desired()
                + " 个副本可用"
                + (deployment.paused() ? "（发布已暂停）" : "")
                + "。"
                + (problem == null ? "" : "其 Pod 的状态为 " + problem + "。")
                + (pods.isEmpty() ? "它没有任何 Pod：请查看 ReplicaSet 的事件。" : ""));
    Bilingual fix =
        Bilingual.of(
            "Look at the unready pods' findings and events (scheduling, image, crash, readiness),"
                + " and at the ReplicaSet's events when pods are missing (quota, admission);"
                + " fix the cause or add capacity.",
            "查看未就绪 Pod 的诊断和事件（调度、镜像、崩溃、就绪探针）；如果缺少 Pod，查看 ReplicaSet 的事件（配额、准入控制）；" + "修复原因或增加容量。");
    return finding(deployment, severity, explanation, evidence, fix);
  }
}
