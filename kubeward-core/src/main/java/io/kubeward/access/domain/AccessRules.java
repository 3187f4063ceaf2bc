package io.kubeward.access.domain;

import java.util.List;

/**
 * What an identity may do in one namespace (cluster-wide rights included), as a list of rules: for
 * showing only the actions a user can perform, never for deciding (every request is decided by the
 * cluster, or by Kubeward's grants where it may not impersonate).
 *
 * @param incomplete the cluster's authorizers could not list every rule (e.g. a webhook), so an
 *     action missing from {@code rules} may still be allowed
 * @param evaluationError why the list is incomplete, or {@code null}
 */
public record AccessRules(List<AccessRule> rules, boolean incomplete, String evaluationError) {

  public static final AccessRules NONE = new AccessRules(List.of(), false, null);

  public AccessRules {
    rules = List.copyOf(rules);
  }

  /** Whether some rule lets {@code verb} any object of {@code resource} in {@code group}. */
  public boolean allows(String verb, String group, String resource) {
    return rules.stream().anyMatch(r -> r.allows(verb, group, resource));
  }
}
