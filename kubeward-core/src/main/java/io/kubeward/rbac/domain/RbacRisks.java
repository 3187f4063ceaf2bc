package io.kubeward.rbac.domain;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Judges rules and bindings against {@link RbacRisk}: the one risk model of explorer and posture.
 */
public final class RbacRisks {

  public static final String CLUSTER_ADMIN_ROLE = "cluster-admin";
  private static final String CORE = "";
  private static final String RBAC_GROUP = "rbac.authorization.k8s.io";

  private RbacRisks() {}

  /** The risks one rule carries, in {@link RbacRisk} order, without repeats. */
  public static Set<RbacRisk> of(RbacRule rule) {
    Set<RbacRisk> risks = EnumSet.noneOf(RbacRisk.class);
    if (rule.verbs().contains(RbacRule.ALL)
        && rule.resources().contains(RbacRule.ALL)
        && rule.apiGroups().contains(RbacRule.ALL)) {
      risks.add(RbacRisk.CLUSTER_ADMIN);
    }
    if (rule.verbs().contains(RbacRule.ALL)) {
      risks.add(RbacRisk.WILDCARD_VERBS);
    }
    if (rule.resources().contains(RbacRule.ALL)) {
      risks.add(RbacRisk.WILDCARD_RESOURCES);
    }
    if (readsSecrets(rule)) {
      risks.add(RbacRisk.SECRETS_READ);
    }
    if (rule.allows("create", CORE, "pods/exec") || rule.allows("create", CORE, "pods/attach")) {
      risks.add(RbacRisk.PODS_EXEC);
    }
    if (onRoles(rule, "escalate")) {
      risks.add(RbacRisk.ESCALATE);
    }
    if (onRoles(rule, "bind")) {
      risks.add(RbacRisk.BIND);
    }
    if (impersonates(rule)) {
      risks.add(RbacRisk.IMPERSONATE);
    }
    return risks;
  }

  /** Each risky rule of {@code role}, one entry per risk and rule. */
  public static List<RuleRisk> of(RbacRole role) {
    List<RuleRisk> found = new ArrayList<>();
    for (RbacRule rule : role.rules()) {
      for (RbacRisk risk : of(rule)) {
        found.add(new RuleRisk(risk, rule));
      }
    }
    return found;
  }

  /**
   * The risks a binding grants through {@code role} (null when the role is missing). A binding to
   * {@code cluster-admin} is {@link RbacRisk#CLUSTER_ADMIN} whatever the role's rules say.
   */
  public static List<RuleRisk> of(RbacBinding binding, RbacRole role) {
    List<RuleRisk> found = new ArrayList<>();
    boolean clusterAdminRef =
        binding.roleRef().clusterRole() && CLUSTER_ADMIN_ROLE.equals(binding.roleRef().name());
    if (role != null) {
      found.addAll(of(role));
    }
    if (clusterAdminRef && found.stream().noneMatch(r -> r.risk() == RbacRisk.CLUSTER_ADMIN)) {
      found.add(
          0,
          new RuleRisk(
              RbacRisk.CLUSTER_ADMIN,
              RbacRule.of(List.of(RbacRule.ALL), List.of(RbacRule.ALL), List.of(RbacRule.ALL))));
    }
    return found;
  }

  private static boolean readsSecrets(RbacRule rule) {
    return rule.resourceNames().isEmpty()
        && rule.coversGroup(CORE)
        && rule.coversResource("secrets")
        && (rule.allowsVerb("get") || rule.allowsVerb("list") || rule.allowsVerb("watch"));
  }

  private static boolean onRoles(RbacRule rule, String verb) {
    return rule.allowsVerb(verb)
        && rule.coversGroup(RBAC_GROUP)
        && (rule.coversResource("roles") || rule.coversResource("clusterroles"));
  }

  private static boolean impersonates(RbacRule rule) {
    return rule.allowsVerb("impersonate")
        && (rule.coversResource("users")
            || rule.coversResource("groups")
            || rule.coversResource("serviceaccounts"));
  }
}
