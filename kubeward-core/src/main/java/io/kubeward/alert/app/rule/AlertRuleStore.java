package io.kubeward.alert.app.rule;

import io.kubeward.access.app.Caller;
import io.kubeward.alert.domain.rule.AlertRuleObject;
import io.kubeward.alert.domain.rule.AlertRuleSpec;
import io.kubeward.alert.domain.rule.RuleKind;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Port: the alert rule objects of a cluster, read and written as the caller (impersonated, ADR
 * 0013): the cluster's RBAC decides who may see and change them.
 */
public interface AlertRuleStore {

  /** Every rule of {@code kind} the caller may list (AlertRules: in all namespaces). */
  List<AlertRuleObject> list(Caller caller, String cluster, RuleKind kind);

  /** The AlertRules of one namespace the caller may list there. */
  List<AlertRuleObject> listIn(Caller caller, String cluster, String namespace);

  Optional<AlertRuleObject> get(
      Caller caller, String cluster, RuleKind kind, @Nullable String namespace, String name);

  /**
   * Creates the rule, or replaces the spec of the existing one (its labels and annotations kept).
   *
   * @param resourceVersion when given, the replacement fails with a conflict if the object changed
   */
  AlertRuleObject apply(
      Caller caller,
      String cluster,
      RuleKind kind,
      @Nullable String namespace,
      String name,
      AlertRuleSpec spec,
      @Nullable String resourceVersion);

  /**
   * @return whether there was one
   */
  boolean delete(
      Caller caller, String cluster, RuleKind kind, @Nullable String namespace, String name);
}
