package io.kubeward.rbac.domain;

import java.util.List;

/**
 * One rule of a Role or ClusterRole, as Kubernetes writes it. {@code "*"} in a list means all; an
 * empty {@code resourceNames} means every object.
 */
public record RbacRule(
    List<String> apiGroups,
    List<String> resources,
    List<String> resourceNames,
    List<String> verbs,
    List<String> nonResourceUrls) {

  public static final String ALL = "*";

  public RbacRule {
    apiGroups = copy(apiGroups);
    resources = copy(resources);
    resourceNames = copy(resourceNames);
    verbs = copy(verbs);
    nonResourceUrls = copy(nonResourceUrls);
  }

  /** A resource rule without names or URLs, for tests and templates. */
  public static RbacRule of(List<String> apiGroups, List<String> resources, List<String> verbs) {
    return new RbacRule(apiGroups, resources, List.of(), verbs, List.of());
  }

  public boolean allowsVerb(String verb) {
    return verbs.contains(ALL) || verbs.contains(verb);
  }

  public boolean coversGroup(String apiGroup) {
    return apiGroups.contains(ALL) || apiGroups.contains(apiGroup);
  }

  /**
   * Whether the rule names {@code resource} ({@code pods}, {@code pods/exec}): {@code *} covers
   * everything, {@code *}{@code /exec} every resource's subresource, {@code pods/*} every
   * subresource.
   */
  public boolean coversResource(String resource) {
    if (resources.contains(ALL) || resources.contains(resource)) {
      return true;
    }
    int slash = resource.indexOf('/');
    if (slash < 0) {
      return false;
    }
    return resources.contains(ALL + resource.substring(slash))
        || resources.contains(resource.substring(0, slash) + "/" + ALL);
  }

  /** Whether the rule allows {@code verb} on every object of {@code group}/{@code resource}. */
  public boolean allows(String verb, String apiGroup, String resource) {
    return allowsVerb(verb)
        && coversGroup(apiGroup)
        && coversResource(resource)
        && resourceNames.isEmpty();
  }

  private static List<String> copy(List<String> values) {
    return values == null ? List.of() : List.copyOf(values);
  }
}
