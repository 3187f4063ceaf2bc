package io.kubeward.alert.reconcile;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.alert.app.rule.AlertRuleSet;
import io.kubeward.alert.domain.RuleKey;
import io.kubeward.alert.domain.rule.AlertRuleObject;
import io.kubeward.alert.domain.rule.AlertRuleObject.AlertRuleStatus;
import io.kubeward.alert.domain.rule.AlertRuleValidation;
import io.kubeward.alert.domain.rule.RuleKind;
import io.kubeward.alert.domain.rule.RuleProblem;
import io.kubeward.alert.domain.rule.RuleReason;
import io.kubeward.alert.kube.rule.AlertRuleResources;
import io.kubeward.runtime.app.ReconcileContext;
import io.kubeward.runtime.app.Reconciler;
import io.kubeward.runtime.domain.Condition;
import io.kubeward.runtime.domain.Conditions;
import io.kubeward.runtime.domain.ObjectKey;
import io.kubeward.runtime.domain.Result;
import io.kubeward.runtime.kube.ControllerSpec;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The controllers of {@code AlertRule} and {@code ClusterAlertRule} on the controller runtime (ADR
 * 0014, 0030): each pass validates the object with the one {@link AlertRuleValidation}, feeds the
 * cluster's {@link AlertRuleSet} (valid and enabled: evaluated; else dropped) and writes the {@code
 * Accepted} condition ({@link RuleReason}) when it changed. No finalizer: a deleted rule is dropped
 * from the set, and the engine resolves its alerts.
 */
public final class AlertRuleController implements Reconciler<AlertRuleObject> {

  public static final String NAMESPACED = "alert-rules";
  public static final String CLUSTER_SCOPED = "cluster-alert-rules";

  /** Longest {@code Accepted} message written. */
  static final int MAX_MESSAGE = 2_000;

  private final String cluster;
  private final RuleKind kind;
  private final KubernetesClient client;
  private final AlertRuleSet ruleSet;

  AlertRuleController(
      String cluster, RuleKind kind, KubernetesClient client, AlertRuleSet ruleSet) {
    this.cluster = cluster;
    this.kind = kind;
    this.client = client;
    this.ruleSet = ruleSet;
  }

  /** The controller of one kind, as the runtime runs it. */
  public static ControllerSpec<AlertRuleObject> spec(RuleKind kind, AlertRuleSet ruleSet) {
    return new ControllerSpec<>(
        kind.namespaced() ? NAMESPACED : CLUSTER_SCOPED,
        AlertRuleResources.context(kind),
        AlertRuleResources::toRule,
        null,
        kind.namespaced() ? AlertRuleResources.ALERT_RULES : AlertRuleResources.CLUSTER_ALERT_RULES,
        binding ->
            new AlertRuleController(binding.cluster(), kind, binding.systemClient(), ruleSet));
  }

  @Override
  public Result reconcile(AlertRuleObject rule, ReconcileContext context) {
    AlertRuleValidation.Verdict verdict =
        AlertRuleValidation.validate(
            kind, rule.namespace(), rule.name(), rule.spec(), rule.generation());
    RuleReason reason;
    String message;
    if (!verdict.valid()) {
      ruleSet.remove(cluster, rule.key());
      ruleSet.judged(cluster, kind, rule.key());
      reason = RuleReason.Invalid;
      message =
          verdict.problems().stream().map(RuleProblem::toString).collect(Collectors.joining("; "));
    } else {
      ruleSet.accept(cluster, verdict.rule());
      ruleSet.judged(cluster, kind, rule.key());
      reason = verdict.rule().enabled() ? RuleReason.Valid : RuleReason.Disabled;
      message =
          verdict.rule().enabled()
              ? "evaluated (" + verdict.rule().condition().type() + ")"
              : "disabled: spec.enabled is false";
    }
    if (message.length() > MAX_MESSAGE) {
      message = message.substring(0, MAX_MESSAGE) + "…";
    }
    AlertRuleStatus status =
        rule.status() == null ? new AlertRuleStatus(null, List.of()) : rule.status();
    List<Condition> conditions =
        Conditions.set(
            status.conditions(),
            RuleReason.ACCEPTED,
            reason != RuleReason.Invalid,
            reason,
            message,
            context.clock().instant(),
            rule.generation());
    if (!sameConditions(status, conditions, rule.generation())) {
      client
          .genericKubernetesResources(AlertRuleResources.context(kind))
          .resource(
              AlertRuleResources.withStatus(
                  rule, new AlertRuleStatus(rule.generation(), conditions)))
          .updateStatus();
    }
    return Result.done();
  }

  private static boolean sameConditions(
      AlertRuleStatus status, List<Condition> next, long generation) {
    if (!Objects.equals(status.observedGeneration(), generation)
        || status.conditions().size() != next.size()) {
      return false;
    }
    for (int i = 0; i < next.size(); i++) {
      Condition a = status.conditions().get(i);
      Condition b = next.get(i);
      if (!a.type().equals(b.type())
          || !a.status().equals(b.status())
          || !Objects.equals(a.reason(), b.reason())
          || !Objects.equals(a.message(), b.message())
          || !Objects.equals(a.observedGeneration(), b.observedGeneration())) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void deleted(ObjectKey key, ReconcileContext context) {
    ruleSet.remove(cluster, new RuleKey(key.namespace(), key.name()));
  }
}
