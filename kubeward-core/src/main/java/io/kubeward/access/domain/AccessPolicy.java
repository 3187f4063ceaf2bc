package io.kubeward.access.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The one place that decides what a principal may do. Pure: no I/O, no framework. */
public final class AccessPolicy {

  private AccessPolicy() {}

  /**
   * Whether {@code principal} may {@code verb} an object in {@code cluster} and {@code namespace}
   * ({@code null} for cluster-scoped objects). {@link Verb#ADMINISTER} concerns Kubeward itself and
   * needs ADMIN everywhere, whatever the place.
   */
  public static boolean allows(Principal principal, Verb verb, String cluster, String namespace) {
    if (verb == Verb.ADMINISTER) {
      return isAdmin(principal);
    }
    return principal.grants().stream()
        .anyMatch(grant -> grant.role().allows(verb) && grant.scope().covers(cluster, namespace));
  }

  /** Whether the principal may administer Kubeward (users, clusters, audit). */
  public static boolean isAdmin(Principal principal) {
    return principal.grants().stream()
        .anyMatch(g -> g.role() == Role.ADMIN && g.scope().equals(Scope.everywhere()));
  }

  /** The namespaces of {@code cluster} the principal may {@code verb} (usually READ). */
  public static NamespaceVisibility namespaces(Principal principal, Verb verb, String cluster) {
    Set<String> namespaces = new HashSet<>();
    for (Grant grant : principal.grants()) {
      if (!grant.role().allows(verb) || !grant.scope().coversCluster(cluster)) {
        continue;
      }
      if (grant.scope().coversAllNamespaces()) {
        return NamespaceVisibility.ALL;
      }
      namespaces.add(grant.scope().namespace());
    }
    return NamespaceVisibility.only(namespaces);
  }

  /** Whether the principal may see anything at all in {@code cluster}. */
  public static boolean seesCluster(Principal principal, String cluster) {
    return !namespaces(principal, Verb.READ, cluster).isEmpty();
  }

  /**
   * The rules Kubeward's grants give the principal in {@code namespace} of {@code cluster} where
   * Kubeward may not impersonate (failing safe): administrators everything, others read where a
   * grant lets them read, and change nothing.
   */
  public static AccessRules readOnlyRules(Principal principal, String cluster, String namespace) {
    if (isAdmin(principal)) {
      return new AccessRules(List.of(rule(AccessRule.ALL)), false, null);
    }
    if (allows(principal, Verb.READ, cluster, namespace)) {
      return new AccessRules(List.of(rule("get", "list", "watch")), false, null);
    }
    return AccessRules.NONE;
  }

  private static AccessRule rule(String... verbs) {
    return new AccessRule(
        List.of(verbs), List.of(AccessRule.ALL), List.of(AccessRule.ALL), List.of());
  }
}
