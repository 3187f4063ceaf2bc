package io.kubeward.alert.domain.rule;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.kubeward.alert.domain.AlertSeverity;
import io.kubeward.alert.domain.rule.AlertRuleSpec.AlertCondition;
import io.kubeward.alert.domain.rule.AlertRuleSpec.CertificateCondition;
import io.kubeward.alert.domain.rule.AlertRuleSpec.FindingCondition;
import io.kubeward.alert.domain.rule.AlertRuleSpec.MetricCondition;
import io.kubeward.alert.domain.rule.AlertRuleSpec.NodeHealthCondition;
import io.kubeward.alert.domain.rule.AlertRuleSpec.PromqlCondition;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertRuleValidationTest {

  static AlertRuleSpec spec(AlertCondition condition) {
    return new AlertRuleSpec(null, "warning", "1m", condition, Map.of("team", "ops"), Map.of());
  }

  static List<String> fields(AlertRuleValidation.Verdict verdict) {
    return verdict.problems().stream().map(RuleProblem::field).toList();
  }

  static AlertRuleValidation.Verdict cluster(AlertRuleSpec spec) {
    return AlertRuleValidation.validate(RuleKind.ClusterAlertRule, null, "r", spec, 3);
  }

  @Test
  void theContractsExampleReadFromYamlIsValid() throws Exception {
    String yaml =
        """
        enabled: true
        severity: critical
        for: 1m
        condition:
          finding: { rules: [pod.crash-loop], severities: [critical, warning], kinds: [Pod], namespaces: [], selector: { matchLabels: {}, matchExpressions: [] } }
        labels: { team: ops }
        annotations:
          summary: "Node {{ $labels.node }} is not ready"
          summary.zh-CN: "节点 {{ $labels.node }} 未就绪"
          runbook_url: "/api/v1/diagnostics/rules/node.not-ready/runbook"
        """;
    AlertRuleSpec spec = new ObjectMapper(new YAMLFactory()).readValue(yaml, AlertRuleSpec.class);
    AlertRuleValidation.Verdict verdict = cluster(spec);
    assertThat(verdict.problems()).isEmpty();
    CompiledRule rule = verdict.rule();
    assertThat(rule.severity()).isEqualTo(AlertSeverity.CRITICAL);
    assertThat(rule.forDuration()).isEqualTo(Duration.ofMinutes(1));
    assertThat(rule.generation()).isEqualTo(3);
    assertThat(rule.key().value()).isEqualTo("r");
    assertThat(rule.condition()).isInstanceOf(RuleCondition.FindingMatch.class);
    assertThat(rule.annotations()).containsKeys("summary", "summary.zh-CN", "runbook_url");
  }

  @Test
  void exactlyOneConditionIsRequired() {
    assertThat(fields(cluster(spec(null)))).containsExactly("spec.condition");
    assertThat(fields(cluster(spec(new AlertCondition(null, null, null, null, null)))))
        .containsExactly("spec.condition");
    assertThat(
            fields(
                cluster(
                    spec(
                        new AlertCondition(
                            null,
                            null,
                            null,
                            new PromqlCondition("up == 0"),
                            new CertificateCondition("720h"))))))
        .containsExactly("spec.condition");
  }

  @Test
  void boundsAndNamesAreChecked() {
    AlertRuleSpec bad =
        new AlertRuleSpec(
            null,
            "urgent",
            "25h",
            new AlertCondition(
                new FindingCondition(
                    List.of("Not A Rule"),
                    List.of("high"),
                    List.of("pod"),
                    List.of("Bad_NS"),
                    null),
                null,
                null,
                null,
                null),
            Map.of("alertname", "x", "__x", "y"),
            Map.of("summary", "{{ $foo }}", "bad name", "x"));
    assertThat(fields(cluster(bad)))
        .contains(
            "spec.severity",
            "spec.for",
            "spec.labels.alertname",
            "spec.labels.__x",
            "spec.annotations.summary",
            "spec.annotations.bad name",
            "spec.condition.finding.rules",
            "spec.condition.finding.severities",
            "spec.condition.finding.kinds",
            "spec.condition.finding.namespaces");
    assertThat(cluster(bad).rule()).isNull();
  }

  @Test
  void aNamespacedRuleSeesOnlyItsNamespace() {
    AlertRuleSpec finding =
        spec(
            new AlertCondition(
                new FindingCondition(null, null, null, null, null), null, null, null, null));
    AlertRuleValidation.Verdict ok =
        AlertRuleValidation.validate(RuleKind.AlertRule, "shop", "crash", finding, 1);
    assertThat(ok.problems()).isEmpty();
    assertThat(((RuleCondition.FindingMatch) ok.rule().condition()).namespaces())
        .containsExactly("shop");
    assertThat(ok.rule().key().value()).isEqualTo("shop/crash");

    AlertRuleSpec other =
        spec(
            new AlertCondition(
                new FindingCondition(null, null, null, List.of("bank"), null),
                null,
                null,
                null,
                null));
    assertThat(fields(AlertRuleValidation.validate(RuleKind.AlertRule, "shop", "x", other, 1)))
        .containsExactly("spec.condition.finding.namespaces");

    for (AlertCondition c :
        List.of(
            new AlertCondition(null, new NodeHealthCondition(null, null), null, null, null),
            new AlertCondition(null, null, null, new PromqlCondition("up == 0"), null),
            new AlertCondition(null, null, null, null, new CertificateCondition("720h")))) {
      assertThat(AlertRuleValidation.validate(RuleKind.AlertRule, "shop", "x", spec(c), 1).valid())
          .isFalse();
    }
    AlertRuleSpec nodeMetric =
        spec(
            new AlertCondition(
                null,
                null,
                new MetricCondition("node", "cpu", "used", ">", 1.0, null, null),
                null,
                null));
    assertThat(fields(AlertRuleValidation.validate(RuleKind.AlertRule, "shop", "x", nodeMetric, 1)))
        .containsExactly("spec.condition.metric.target");
  }

  @Test
  void metricConditions() {
    AlertRuleSpec ok =
        spec(
            new AlertCondition(
                null,
                null,
                new MetricCondition("node", "memory", "usedOfAllocatable", ">", 0.9, null, null),
                null,
                null));
    assertThat(cluster(ok).problems()).isEmpty();
    AlertRuleSpec quotaOnNode =
        spec(
            new AlertCondition(
                null,
                null,
                new MetricCondition("node", "cpu", "usedOfQuota", "~", null, null, null),
                null,
                null));
    assertThat(fields(cluster(quotaOnNode)))
        .containsExactly(
            "spec.condition.metric.measure",
            "spec.condition.metric.operator",
            "spec.condition.metric.threshold");
  }

  @Test
  void certificateAndPromqlBounds() {
    assertThat(
            fields(
                cluster(
                    spec(
                        new AlertCondition(
                            null, null, null, null, new CertificateCondition("1m"))))))
        .containsExactly("spec.condition.apiserverCertificate.expiresWithin");
    assertThat(
            fields(
                cluster(
                    spec(
                        new AlertCondition(
                            null, null, null, new PromqlCondition("x".repeat(5000)), null)))))
        .containsExactly("spec.condition.promql.expr");
  }

  @Test
  void theDefaultRulesAreValid() {
    assertThat(DefaultRuleSet.all()).hasSize(6);
    for (DefaultRuleSet.DefaultRule rule : DefaultRuleSet.all()) {
      assertThat(cluster(rule.spec()).problems()).as(rule.name()).isEmpty();
      assertThat(rule.spec().annotations())
          .containsKeys(
              "summary", "summary.zh-CN", "description", "description.zh-CN", "runbook_url");
    }
  }
}
