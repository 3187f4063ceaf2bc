package io.kubeward.rbac.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Every Role, ClusterRole, RoleBinding and ClusterRoleBinding of a cluster, read at one time. */
public record RbacSnapshot(List<RbacRole> roles, List<RbacBinding> bindings) {

  public RbacSnapshot {
    roles = List.copyOf(roles);
    bindings = List.copyOf(bindings);
  }

  /** The role a binding refers to: a Role of the binding's namespace or a ClusterRole. */
  public Optional<RbacRole> role(RbacBinding binding) {
    RoleRef ref = binding.roleRef();
    String namespace = ref.clusterRole() ? null : binding.namespace();
    return roles.stream()
        .filter(r -> r.name().equals(ref.name()))
        .filter(r -> namespace == null ? r.clusterRole() : namespace.equals(r.namespace()))
        .findFirst();
  }

  /**
   * The bindings that grant a risk, with the role's risky rules. With {@code includeSystem} false,
   * Kubernetes' own bindings ({@code system:...}) are left out.
   */
  public List<RiskyBinding> riskyBindings(boolean includeSystem) {
    List<RiskyBinding> risky = new ArrayList<>();
    for (RbacBinding binding : bindings) {
      if (!includeSystem && binding.system()) {
        continue;
      }
      RbacRole role = role(binding).orElse(null);
      List<RuleRisk> risks = RbacRisks.of(binding, role);
      if (!risks.isEmpty()) {
        risky.add(new RiskyBinding(binding, role, risks));
      }
    }
    return risky;
  }
}
