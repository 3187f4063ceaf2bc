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

  /** The same rules cut down to reading (get, list, watch): what a read-only token leaves. */
  public AccessRules readOnly() {
    List<AccessRule> reading = new java.util.ArrayList<>();
    for (AccessRule rule : rules) {
      List<String> verbs =
          rule.verbs().contains(AccessRule.ALL)
              ? List.of("get", "list", "watch")
              : rule.verbs().stream()
                  .filter(v -> List.of("get", "list", "watch").contains(v))
                  .toList();
      if (!verbs.isEmpty()) {
        reading.add(
            new AccessRule(verbs, rule.apiGroups(), rule.resources(), rule.resourceNames()));
      }
    }
    return new AccessRules(reading, incomplete, evaluationError);
  }

  /** Whether some rule lets {@code verb} any object of {@code resource} in {@code group}. */
  public boolean allows(String verb, String group, String resource) {
    return rules.stream().anyMatch(r -> r.allows(verb, group, resource));
  }
}
