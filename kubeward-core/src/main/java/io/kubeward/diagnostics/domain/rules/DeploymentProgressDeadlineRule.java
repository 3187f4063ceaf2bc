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
import io.kubeward.diagnostics.domain.ObjectRef;
import io.kubeward.diagnostics.domain.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code deployment.progress-deadline}: the Deployment's rollout made no progress within {@code
 * progressDeadlineSeconds} (condition Progressing False, reason ProgressDeadlineExceeded). The pods
 * of its ReplicaSets that are not ready are the evidence, with the Deployment's warnings.
 */
public final class DeploymentProgressDeadlineRule extends BaseRule {

  public DeploymentProgressDeadlineRule() {
    super(
        "deployment.progress-deadline",
        Severity.CRITICAL,
        "Deployment",
        Set.of("ReplicaSet", "Pod", "Event"),
        Bilingual.of(
            "Deployment rollout stuck (progress deadline exceeded)", "Deployment 发布卡住（超过进度期限）"));
  }

  @Override
  public List<FindingDraft> judge(KubeObjectView subject, ClusterFacts facts) {
    if (!(subject instanceof DeploymentView deployment) || deployment.paused()) {
      return List.of();
    }
    ConditionView progressing = deployment.condition("Progressing");
    if (progressing == null
        || !progressing.isFalse()
        || !"ProgressDeadlineExceeded".equals(progressing.reason())) {
      return List.of();
    }
    List<Evidence> evidence = new ArrayList<>();
    evidence.add(
        Evidence.of(
            Evidence.CONDITION,
            "Progressing",
            "False, ProgressDeadlineExceeded: " + nullToEmpty(progressing.message())));
    ConditionView available = deployment.condition("Available");
    if (available != null) {
      evidence.add(
          Evidence.of(
              Evidence.CONDITION,
              "Available",
              available.status() + (available.reason() == null ? "" : ", " + available.reason())));
    }
    evidence.add(replicas(deployment));
    List<PodView> pods =
        OpsFacts.podsOf(facts, "Deployment", deployment.namespace(), deployment.name());
    int shown = 0;
    for (PodView pod : pods) {
      if (!OpsFacts.ready(pod) && shown++ < MAX_PODS) {
        evidence.add(OpsFacts.pod(pod));
      }
    }
    ObjectRef ref = ref(deployment);
    evidence.addAll(OpsFacts.warningEvents(facts, ref, MAX_EVENTS));
    String problem = firstProblem(pods);
    Bilingual explanation =
        Bilingual.of(
            "The rollout of Deployment "
                + deployment.name()
                + " made no progress within its progress deadline: "
                + deployment.updated()
                + " of "
                + deployment.desired()
                + " replicas are updated and "
                + deployment.available()
                + " available."
                + (problem == null ? "" : " Its new pods show " + problem + "."),
            "Deployment "
                + deployment.name()
                + " 的发布在进度期限内没有进展：期望 "
                + deployment.desired()
                + " 个副本，已更新 "
                + deployment.updated()
                + " 个，可用 "
                + deployment.available()
                + " 个。"
                + (problem == null ? "" : "其新 Pod 的状态为 " + problem + "。"));
    Bilingual fix =
        Bilingual.of(
            "Find why the new pods do not become ready (their findings, events and logs), fix the"
                + " image, configuration or resources, or roll back with `kubectl rollout undo"
                + " deployment/"
                + deployment.name()
                + " -n "
                + deployment.namespace()
                + "`.",
            "查明新 Pod 为何未就绪（查看其诊断、事件和日志），修正镜像、配置或资源，或使用 `kubectl rollout undo"
                + " deployment/"
                + deployment.name()
                + " -n "
                + deployment.namespace()
                + "` 回滚。");
    return finding(deployment, explanation, evidence, fix);
  }

  static Evidence replicas(DeploymentView deployment) {
    return Evidence.of(
        Evidence.FIELD,
        "replicas",
        deployment.desired()
            + " desired | "
            + deployment.updated()
            + " updated | "
            + deployment.ready()
            + " ready | "
            + deployment.available()
            + " available | "
            + Math.max(0, deployment.desired() - deployment.available())
            + " unavailable");
  }

  static String firstProblem(List<PodView> pods) {
    for (PodView pod : pods) {
      if (pod.problem() != null) {
        return pod.problem().reason();
      }
    }
    return null;
  }

  static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }
}
