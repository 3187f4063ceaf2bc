package io.kubeward.access.domain;

import java.util.List;

/**
 * One rule of what an identity may do, as a {@code SelfSubjectRulesReview} lists it: the {@code
 * verbs} on the {@code resources} (plural, optionally {@code resource/subresource}) of the {@code
 * apiGroups} ({@code ""} for the core group), optionally only the objects named in {@code
 * resourceNames}; {@code "*"} stands for all.
 */
public record AccessRule(
    List<String> verbs,
    List<String> apiGroups,
    List<String> resources,
    List<String> resourceNames) {

  public static final String ALL = "*";

  public AccessRule {
    verbs = verbs == null ? List.of() : List.copyOf(verbs);
    apiGroups = apiGroups == null ? List.of() : List.copyOf(apiGroups);
    resources = resources == null ? List.of() : List.copyOf(resources);
    resourceNames = resourceNames == null ? List.of() : List.copyOf(resourceNames);
  }

  /** Whether this rule lets {@code verb} any object of {@code resource} in {@code group}. */
  public boolean allows(String verb, String group, String resource) {
    return resourceNames.isEmpty()
        && matches(verbs, verb)
        && matches(apiGroups, group)
        && matches(resources, resource);
  }

  private static boolean matches(List<String> values, String value) {
    return values.contains(ALL) || values.contains(value);
  }
}
