package io.kubeward.access.app;

import io.kubeward.access.domain.AccessPolicy;
import io.kubeward.access.domain.NamespaceVisibility;
import io.kubeward.access.domain.Verb;

/**
 * Checks a caller before a use case acts, in two separate steps: what the caller's grants allow
 * ({@link #requireGranted}), then what the caller's API token narrows that to ({@link
 * #requireWithinTokenScope}). The second step is Kubeward's own in every authorization mode.
 */
public final class Authorizer {

  private Authorizer() {}

  /**
   * @throws AccessDeniedException unless the caller's grants allow {@code verb} in that place
   * @throws TokenScopeException if they do, but the caller's API token does not
   */
  public static void require(Caller caller, Verb verb, String cluster, String namespace) {
    requireGranted(caller, verb, cluster, namespace);
    requireWithinTokenScope(caller, verb, cluster, namespace);
  }

  /** The grant step: Kubeward's roles. */
  static void requireGranted(Caller caller, Verb verb, String cluster, String namespace) {
    if (!AccessPolicy.allows(caller.principal(), verb, cluster, namespace)) {
      throw new AccessDeniedException(caller.username(), verb, cluster, namespace);
    }
  }

  /**
   * The narrowing step: the API token's scope (read-only, one cluster and some namespaces). Never
   * widens anything.
   *
   * @throws TokenScopeException if the token does not allow {@code verb} in that place
   */
  public static void requireWithinTokenScope(
      Caller caller, Verb verb, String cluster, String namespace) {
    if (!caller.tokenScope().permits(verb, cluster, namespace)) {
      throw new TokenScopeException(caller.username(), verb, cluster, namespace);
    }
  }

  /**
   * A change of the caller's own account (password, tokens): a read-only token may not.
   *
   * @throws TokenScopeException for a read-only token
   */
  public static void requireOwnChangeAllowed(Caller caller, String action) {
    if (!caller.tokenScope().permitsOwnChanges()) {
      throw new TokenScopeException(caller.username(), action, null, null);
    }
  }

  /**
   * The namespaces of {@code cluster} the caller may read (grants, then the token's scope); lists
   * are filtered with it.
   */
  public static NamespaceVisibility readableNamespaces(Caller caller, String cluster) {
    return narrowToTokenScope(
        caller, cluster, AccessPolicy.namespaces(caller.principal(), Verb.READ, cluster));
  }

  /** The narrowing step for lists: {@code granted} cut down to the caller's token scope. */
  public static NamespaceVisibility narrowToTokenScope(
      Caller caller, String cluster, NamespaceVisibility granted) {
    return caller.tokenScope().narrow(cluster, granted);
  }
}
