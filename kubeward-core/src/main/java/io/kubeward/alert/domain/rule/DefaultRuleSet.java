package io.kubeward.alert.domain.rule;

import io.kubeward.alert.domain.rule.AlertRuleSpec.AlertCondition;
import io.kubeward.alert.domain.rule.AlertRuleSpec.CertificateCondition;
import io.kubeward.alert.domain.rule.AlertRuleSpec.FindingCondition;
import io.kubeward.alert.domain.rule.AlertRuleSpec.NodeHealthCondition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Kubeward's default ClusterAlertRules, created in each cluster when missing (ADR 0030: a rule once
 * created is never overwritten, and one a user deleted is not created again). Each links a runbook:
 * the diagnostics runbook of the finding it follows, else {@code docs/runbooks/alert.<name>.md}.
 */
public final class DefaultRuleSet {

  /** Raised when a default is added; recorded with every default created. */
  public static final String REVISION = "1";

  /** A default rule: its name and spec. */
  public record DefaultRule(String name, AlertRuleSpec spec) {}

  private DefaultRuleSet() {}

  public static List<DefaultRule> all() {
    return List.of(
        new DefaultRule(
            "node-not-ready",
            spec(
                "critical",
                "1m",
                new AlertCondition(
                    null,
                    new NodeHealthCondition(List.of("NotReady", "Unknown", "HeartbeatStale"), null),
                    null,
                    null,
                    null),
                "Node {{ $labels.node }} is not ready ({{ $labels.type }})",
                "节点 {{ $labels.node }} 未就绪（{{ $labels.type }}）",
                "Node {{ $labels.node }} has been {{ $labels.type }} for a minute: its pods may be"
                    + " unreachable and will be evicted.",
                "节点 {{ $labels.node }} 已处于 {{ $labels.type }} 状态一分钟：其上的 Pod 可能无法访问，并将被驱逐。",
                diagnostics("node.not-ready"))),
        new DefaultRule(
            "pod-crash-looping",
            finding(
                "warning",
                "5m",
                "pod.crash-loop",
                null,
                "Pod {{ $labels.namespace }}/{{ $labels.pod }} is crash-looping",
                "Pod {{ $labels.namespace }}/{{ $labels.pod }} 反复崩溃重启",
                "A container of {{ $object }} keeps crashing and Kubernetes keeps restarting it.",
                "{{ $object }} 的容器不断崩溃，Kubernetes 不断重启它。")),
        new DefaultRule(
            "deployment-unavailable",
            finding(
                "critical",
                "5m",
                "deployment.unavailable",
                null,
                "Deployment {{ $labels.namespace }}/{{ $labels.name }} is unavailable",
                "Deployment {{ $labels.namespace }}/{{ $labels.name }} 不可用",
                "{{ $object }} has fewer available replicas than it needs.",
                "{{ $object }} 的可用副本数低于所需。")),
        new DefaultRule(
            "pvc-pending",
            finding(
                "warning",
                "5m",
                "pvc.pending",
                null,
                "PersistentVolumeClaim {{ $labels.namespace }}/{{ $labels.name }} is pending",
                "PersistentVolumeClaim {{ $labels.namespace }}/{{ $labels.name }} 一直处于 Pending",
                "{{ $object }} has no volume bound to it.",
                "{{ $object }} 没有绑定的卷。")),
        new DefaultRule(
            "quota-exhausted",
            finding(
                "warning",
                "5m",
                "quota.near-limit",
                "critical",
                "A ResourceQuota of namespace {{ $labels.namespace }} is exhausted",
                "命名空间 {{ $labels.namespace }} 的 ResourceQuota 已用尽",
                "{{ $object }} is at its hard limit: new pods or objects it counts are refused.",
                "{{ $object }} 已达硬性上限：新的 Pod 或其计数的对象将被拒绝。")),
        new DefaultRule(
            "apiserver-certificate-expiry",
            spec(
                "warning",
                "0s",
                new AlertCondition(null, null, null, null, new CertificateCondition("720h")),
                "The apiserver's certificate expires in {{ $value }} days",
                "apiserver 证书将在 {{ $value }} 天后过期",
                "The serving certificate of the cluster's apiserver expires within 30 days; renew"
                    + " it before clients stop trusting the apiserver.",
                "集群 apiserver 的服务证书将在 30 天内过期；请在客户端不再信任 apiserver 之前续期。",
                alertRunbook("apiserver-certificate-expiry"))));
  }

  /** The API path of a diagnostics runbook. */
  public static String diagnostics(String ruleId) {
    return "/api/v1/diagnostics/rules/" + ruleId + "/runbook";
  }

  /** The API path of an alert runbook ({@code docs/runbooks/alert.<name>.md}). */
  public static String alertRunbook(String name) {
    return "/api/v1/alerting/runbooks/" + name;
  }

  private static AlertRuleSpec finding(
      String severity,
      String forDuration,
      String rule,
      String findingSeverity,
      String summary,
      String summaryZh,
      String description,
      String descriptionZh) {
    return spec(
        severity,
        forDuration,
        new AlertCondition(
            new FindingCondition(
                List.of(rule),
                findingSeverity == null ? null : List.of(findingSeverity),
                null,
                null,
                null),
            null,
            null,
            null,
            null),
        summary,
        summaryZh,
        description,
        descriptionZh,
        "{{ $runbook }}");
  }

  private static AlertRuleSpec spec(
      String severity,
      String forDuration,
      AlertCondition condition,
      String summary,
      String summaryZh,
      String description,
      String descriptionZh,
      String runbook) {
    Map<String, String> annotations = new LinkedHashMap<>();
    annotations.put("summary", summary);
    annotations.put("summary.zh-CN", summaryZh);
    annotations.put("description", description);
    annotations.put("description.zh-CN", descriptionZh);
    annotations.put("runbook_url", runbook);
    return new AlertRuleSpec(true, severity, forDuration, condition, Map.of(), annotations);
  }
}
