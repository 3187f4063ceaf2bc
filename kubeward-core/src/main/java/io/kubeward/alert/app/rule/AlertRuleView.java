package io.kubeward.alert.app.rule;

import io.kubeward.alert.domain.rule.AlertRuleObject;
import io.kubeward.alert.domain.rule.AlertRuleSpec;
import io.kubeward.alert.domain.rule.RuleKind;
import io.kubeward.alert.domain.rule.RuleReason;
import io.kubeward.runtime.domain.Condition;
import io.kubeward.runtime.domain.Conditions;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An alert rule as the API shows it: the object with the controller's verdict.
 *
 * @param accepted the {@code Accepted} condition's status ({@code null}: not reconciled yet or the
 *     controller has not seen this generation)
 * @param defaultRule the revision of the default rule set that created it, {@code null} otherwise
 */
public record AlertRuleView(
    RuleKind kind,
    @Nullable String namespace,
    String name,
    @Nullable String resourceVersion,
    long generation,
    @Nullable Instant createdAt,
    @Nullable String defaultRule,
    @Nullable AlertRuleSpec spec,
    @Nullable Long observedGeneration,
    List<Condition> conditions,
    @Nullable Boolean accepted,
    @Nullable String reason,
    @Nullable String message) {

  public static AlertRuleView of(AlertRuleObject o) {
    List<Condition> conditions = o.status() == null ? List.of() : o.status().conditions();
    Condition accepted = Conditions.find(conditions, RuleReason.ACCEPTED).orElse(null);
    boolean current =
        accepted != null
            && (accepted.observedGeneration() == null
                || accepted.observedGeneration() == o.generation());
    return new AlertRuleView(
        o.kind(),
        o.namespace(),
        o.name(),
        o.resourceVersion(),
        o.generation(),
        o.createdAt(),
        o.defaultRevision(),
        o.spec(),
        o.status() == null ? null : o.status().observedGeneration(),
        conditions,
        current ? accepted.holds() : null,
        current ? accepted.reason() : null,
        current ? accepted.message() : null);
  }
}
