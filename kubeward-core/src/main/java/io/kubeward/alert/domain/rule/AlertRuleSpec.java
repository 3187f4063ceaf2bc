package io.kubeward.alert.domain.rule;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kubeward.cluster.domain.LabelSelector;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The {@code spec} of an {@code AlertRule} (namespaced) or {@code ClusterAlertRule}
 * (cluster-scoped), {@code kubeward.io/v1alpha1}, as written: nothing is checked here (see {@link
 * AlertRuleValidation}, the one validator of the REST API and the controller).
 *
 * @param enabled {@code null} means true
 * @param severity {@code critical}, {@code warning} or {@code info}
 * @param forDuration the Go duration a sample must hold before its alert fires ({@code for})
 * @param condition exactly one condition
 * @param labels added to every alert of the rule
 * @param annotations templates ({@code {{ $labels.x }}}, {@code {{ $value }}}, {@code {{ $object
 *     }}}, {@code {{ $runbook }}}); a {@code .zh-CN} suffix holds the 简体中文 text
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlertRuleSpec(
    @Nullable Boolean enabled,
    @Nullable String severity,
    @JsonProperty("for") @Nullable String forDuration,
    @Nullable AlertCondition condition,
    @Nullable Map<String, String> labels,
    @Nullable Map<String, String> annotations) {

  /** Exactly one of its fields is set. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record AlertCondition(
      @Nullable FindingCondition finding,
      @Nullable NodeHealthCondition nodeHealth,
      @Nullable MetricCondition metric,
      @Nullable PromqlCondition promql,
      @Nullable CertificateCondition apiserverCertificate) {}

  /**
   * Active diagnostic findings: rule ids, severities, subject kinds and namespaces (each empty:
   * all) and a label selector of the subject.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record FindingCondition(
      @Nullable List<String> rules,
      @Nullable List<String> severities,
      @Nullable List<String> kinds,
      @Nullable List<String> namespaces,
      @Nullable RuleSelector selector) {}

  /** Active node health detections of the named types (empty: all) on nodes the selector picks. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record NodeHealthCondition(
      @Nullable List<String> types, @Nullable RuleSelector selector) {}

  /**
   * A usage threshold: {@code target} (node, namespace, pod, cluster), {@code resource} (cpu,
   * memory, pods), {@code measure} (see {@link MetricMeasure}), {@code operator} and {@code
   * threshold} (a ratio 0..1 for the ratio measures, else millicores, bytes or a count).
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record MetricCondition(
      @Nullable String target,
      @Nullable String resource,
      @Nullable String measure,
      @Nullable String operator,
      @Nullable Double threshold,
      @Nullable RuleSelector selector,
      @Nullable List<String> namespaces) {}

  /** An instant PromQL query against the cluster's configured Prometheus. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record PromqlCondition(@Nullable String expr) {}

  /** The apiserver's serving certificate expires within a Go duration. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record CertificateCondition(@Nullable String expiresWithin) {}

  /** A Kubernetes label selector; both parts empty select everything. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record RuleSelector(
      @Nullable Map<String, String> matchLabels, @Nullable List<RuleRequirement> matchExpressions) {

    /** One {@code matchExpressions} entry: In, NotIn, Exists or DoesNotExist. */
    public record RuleRequirement(String key, String operator, @Nullable List<String> values)
        implements LabelSelector.Expression {}

    /**
     * @throws LabelSelector.InvalidSelectorException for a bad key, value or operator
     */
    public LabelSelector toLabelSelector() {
      return LabelSelector.of(
          matchLabels == null ? Map.of() : matchLabels,
          matchExpressions == null ? List.of() : matchExpressions);
    }
  }

  public boolean enabledOrDefault() {
    return enabled == null || enabled;
  }
}
