package io.kubeward.rbac.domain;

import java.util.List;

/**
 * A binding that grants risky rules to its subjects. {@code role} is null when the binding names a
 * role that does not exist (then only a {@code cluster-admin} reference can be judged).
 */
public record RiskyBinding(RbacBinding binding, RbacRole role, List<RuleRisk> risks) {

  public RiskyBinding {
    risks = List.copyOf(risks);
  }

  /** The worst severity among the risks. */
  public RbacRisk.Severity severity() {
    return risks.stream()
        .map(r -> r.risk().severity())
        .min(Enum::compareTo)
        .orElse(RbacRisk.Severity.HIGH);
  }
}
