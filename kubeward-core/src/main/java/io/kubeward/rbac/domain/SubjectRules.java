package io.kubeward.rbac.domain;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The effective rules of a subject: every rule its bindings grant, cluster-wide first. {@code
 * groups} are the groups it was evaluated with (including those the apiserver adds); {@code master}
 * is true when one is {@code system:masters}, which the apiserver allows everything without asking
 * RBAC. {@code missingRoles} are bindings of the subject whose role does not exist (they grant
 * nothing).
 */
public record SubjectRules(
    RbacSubject subject,
    @Nullable String user,
    List<String> groups,
    boolean master,
    List<GrantedRule> rules,
    List<BindingRef> missingRoles) {

  public SubjectRules {
    groups = List.copyOf(groups);
    rules = List.copyOf(rules);
    missingRoles = List.copyOf(missingRoles);
  }
}
