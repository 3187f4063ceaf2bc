package io.kubeward.diagnostics.domain.rules;

import io.kubeward.cluster.domain.ConditionView;
import io.kubeward.cluster.domain.KubeObjectView;
import io.kubeward.diagnostics.domain.Bilingual;
import io.kubeward.diagnostics.domain.ClusterFacts;
import io.kubeward.diagnostics.domain.Evidence;
import io.kubeward.diagnostics.domain.FindingDraft;
import io.kubeward.diagnostics.domain.ObjectRef;
import io.kubeward.diagnostics.domain.Severity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * HorizontalPodAutoscaler rules: {@code hpa.unable-to-scale} (ScalingActive False — metrics
 * missing, target without requests — or AbleToScale False, for at least {@code grace}; a target
 * scaled to zero on purpose, reason ScalingDisabled, is not a problem) and {@code hpa.at-max}
 * (ScalingLimited True with reason TooManyReplicas for at least {@code atMaxFor}: demand exceeds
 * maxReplicas).
 */
public final class AutoscalerRules {

  public static final Duration DEFAULT_GRACE = Duration.ofMinutes(5);
  public static final Duration DEFAULT_AT_MAX_FOR = Duration.ofMinutes(30);

  private AutoscalerRules() {}

  static ConditionView condition(KubeObjectView hpa, String type) {
    for (ConditionView condition : OpsFacts.listField(hpa, "conditions", ConditionView.class)) {
      if (condition.type().equals(type)) {
        return condition;
      }
    }
    return null;
  }

  static Evidence evidence(ConditionView condition) {
    return Evidence.of(
        Evidence.CONDITION,
        condition.type(),
        condition.status()
            + (condition.reason() == null ? "" : ", " + condition.reason())
            + (condition.message() == null ? "" : ": " + condition.message()));
  }

  static Evidence replicas(KubeObjectView hpa) {
    return Evidence.of(
        Evidence.FIELD,
        "replicas (current | desired | min | max)",
        OpsFacts.intField(hpa, "currentReplicas")
            + " | "
            + OpsFacts.intField(hpa, "desiredReplicas")
            + " | "
            + OpsFacts.intField(hpa, "minReplicas")
            + " | "
            + OpsFacts.intField(hpa, "maxReplicas"));
  }

  /** {@code hpa.unable-to-scale}. */
  public static final class UnableToScale extends BaseRule {

    private final Duration grace;

    public UnableToScale() {
      this(DEFAULT_GRACE);
    }

    public UnableToScale(Duration grace) {
      super(
          "hpa.unable-to-scale",
          Severity.WARNING,
          "HorizontalPodAutoscaler",
          Set.of("Event", "Deployment", "StatefulSet"),
          Bilingual.of("Autoscaler unable to scale", "自动伸缩器无法伸缩"));
      this.grace = grace;
    }

    @Override
    public List<FindingDraft> judge(KubeObjectView hpa, ClusterFacts facts) {
      ConditionView active = condition(hpa, "ScalingActive");
      ConditionView able = condition(hpa, "AbleToScale");
      ConditionView failing = null;
      if (able != null && able.isFalse()) {
        failing = able;
      } else if (active != null && active.isFalse() && !"ScalingDisabled".equals(active.reason())) {
        failing = active;
      }
      if (failing == null || !OpsFacts.lastedAtLeast(failing.since(), grace, facts)) {
        return List.of();
      }
      List<Evidence> evidence = new ArrayList<>();
      evidence.add(evidence(failing));
      evidence.add(replicas(hpa));
      String target = OpsFacts.stringField(hpa, "target");
      if (target != null && target.contains("/")) {
        String kind = target.substring(0, target.indexOf('/'));
        String name = target.substring(target.indexOf('/') + 1);
        boolean exists = facts.get(kind, hpa.namespace(), name).isPresent();
        evidence.add(
            Evidence.related(
                "scaleTargetRef",
                target + (exists ? "" : " (not found)"),
                ObjectRef.of(kind, hpa.namespace(), name)));
      }
      evidence.addAll(
          OpsFacts.eventsWithReason(
              facts,
              ref(hpa),
              List.of(
                  "FailedGetResourceMetric",
                  "FailedComputeMetricsReplicas",
                  "FailedGetScale",
                  "FailedRescale",
                  "FailedGetPodsMetric",
                  "FailedGetExternalMetric",
                  "FailedGetObjectMetric"),
              OpsFacts.MAX_EVENTS));
      boolean metrics = failing == active;
      return finding(
          hpa,
          Bilingual.of(
              "HorizontalPodAutoscaler "
                  + hpa.name()
                  + (metrics
                      ? " cannot compute a replica count ("
                          + failing.reason()
                          + "): it is not scaling "
                      : " cannot change the scale of its target ("
                          + failing.reason()
                          + "): it is not scaling ")
                  + target
                  + " at all, whatever the load.",
              "HorizontalPodAutoscaler "
                  + hpa.name()
                  + (metrics ? " 无法计算副本数（" : " 无法修改目标的副本数（")
                  + failing.reason()
                  + "）：无论负载如何，它都不会伸缩 "
                  + target
                  + "。"),
          evidence,
          Bilingual.of(
              metrics
                  ? "Check that the metrics API answers (`kubectl top pods -n "
                      + hpa.namespace()
                      + "`; install metrics-server if it does not) and that every container of the"
                      + " target sets requests for the resource the HPA targets."
                  : "Check that the target exists and that the HPA controller may read and update"
                      + " its scale subresource.",
              metrics
                  ? "确认 metrics API 可用（`kubectl top pods -n "
                      + hpa.namespace()
                      + "`；若不可用请安装 metrics-server），并确认目标的每个容器都为 HPA 所针对的资源设置了 requests。"
                  : "确认目标存在，且 HPA 控制器可以读取并更新其 scale 子资源。"));
    }
  }

  /** {@code hpa.at-max}. */
  public static final class AtMax extends BaseRule {

    private final Duration atMaxFor;

    public AtMax() {
      this(DEFAULT_AT_MAX_FOR);
    }

    public AtMax(Duration atMaxFor) {
      super(
          "hpa.at-max",
          Severity.WARNING,
          "HorizontalPodAutoscaler",
          Set.of(),
          Bilingual.of("Autoscaler held at its maximum", "自动伸缩器停在最大副本数"));
      this.atMaxFor = atMaxFor;
    }

    @Override
    public List<FindingDraft> judge(KubeObjectView hpa, ClusterFacts facts) {
      ConditionView limited = condition(hpa, "ScalingLimited");
      if (limited == null
          || !limited.isTrue()
          || !"TooManyReplicas".equals(limited.reason())
          || !OpsFacts.lastedAtLeast(limited.since(), atMaxFor, facts)) {
        return List.of();
      }
      String since = OpsFacts.since(limited.since(), facts);
      int max = OpsFacts.intField(hpa, "maxReplicas");
      return finding(
          hpa,
          Bilingual.of(
              "HorizontalPodAutoscaler "
                  + hpa.name()
                  + " has wanted more than its maxReplicas ("
                  + max
                  + ") for "
                  + since
                  + ": the load is higher than the workload may scale to.",
              "HorizontalPodAutoscaler "
                  + hpa.name()
                  + " 已有 "
                  + since
                  + " 需要超过 maxReplicas（"
                  + max
                  + "）的副本：负载高于工作负载可扩展的上限。"),
          List.of(evidence(limited), replicas(hpa)),
          Bilingual.of(
              "Raise maxReplicas if the cluster has room, or make each replica handle more (resources,"
                  + " efficiency); check the target's latency and errors meanwhile.",
              "如果集群有余量，提高 maxReplicas；或提升单个副本的处理能力（资源、效率）；同时关注目标的延迟和错误。"));
    }
  }
}
