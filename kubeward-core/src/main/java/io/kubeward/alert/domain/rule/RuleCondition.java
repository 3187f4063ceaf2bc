package io.kubeward.alert.domain.rule;

import io.kubeward.alert.domain.rule.MetricMeasure.Comparison;
import io.kubeward.alert.domain.rule.MetricMeasure.MetricResource;
import io.kubeward.alert.domain.rule.MetricMeasure.MetricTarget;
import io.kubeward.cluster.domain.LabelSelector;
import io.kubeward.diagnostics.domain.RuleId;
import io.kubeward.diagnostics.domain.Severity;
import io.kubeward.node.health.domain.NodeHealthType;
import java.time.Duration;
import java.util.Set;

/**
 * A validated condition, ready to evaluate. Empty sets mean "all"; a namespaced rule's conditions
 * carry its namespace as their only one.
 */
public sealed interface RuleCondition {

  /** The condition's name in the CRD ({@code finding}, {@code nodeHealth}, ...). */
  String type();

  record FindingMatch(
      Set<RuleId> rules,
      Set<Severity> severities,
      Set<String> kinds,
      Set<String> namespaces,
      LabelSelector selector)
      implements RuleCondition {
    @Override
    public String type() {
      return "finding";
    }
  }

  record NodeHealthMatch(Set<NodeHealthType> types, LabelSelector selector)
      implements RuleCondition {
    @Override
    public String type() {
      return "nodeHealth";
    }
  }

  record MetricThreshold(
      MetricTarget target,
      MetricResource resource,
      MetricMeasure measure,
      Comparison operator,
      double threshold,
      LabelSelector selector,
      Set<String> namespaces)
      implements RuleCondition {
    @Override
    public String type() {
      return "metric";
    }
  }

  record PromqlQuery(String expr) implements RuleCondition {
    @Override
    public String type() {
      return "promql";
    }
  }

  record CertificateExpiry(Duration expiresWithin) implements RuleCondition {
    @Override
    public String type() {
      return "apiserverCertificate";
    }
  }
}
