package io.kubeward.rbac.domain;

/**
 * Whether a rule allows a request, with exactly the apiserver's semantics ({@code
 * k8s.io/kubernetes/pkg/apis/rbac/v1/evaluation_helpers.go}): {@code *} in verbs, groups and
 * resources; {@code *}{@code /sub} for a subresource of every resource (but not {@code pods/*},
 * which the apiserver does not expand); {@code resourceNames} only for requests that name an
 * object.
 */
public final class RuleMatcher {

  private RuleMatcher() {}

  public static boolean allows(RbacRule rule, ResourceRequest request) {
    return rule.allowsVerb(request.verb())
        && rule.coversGroup(request.apiGroup())
        && resourceMatches(rule, request)
        && nameMatches(rule, request.name());
  }

  static boolean resourceMatches(RbacRule rule, ResourceRequest request) {
    String combined = request.combinedResource();
    for (String resource : rule.resources()) {
      if (RbacRule.ALL.equals(resource) || resource.equals(combined)) {
        return true;
      }
      if (request.subresource() != null && resource.equals("*/" + request.subresource())) {
        return true;
      }
    }
    return false;
  }

  static boolean nameMatches(RbacRule rule, String name) {
    if (rule.resourceNames().isEmpty()) {
      return true;
    }
    return name != null && rule.resourceNames().contains(name);
  }
}
