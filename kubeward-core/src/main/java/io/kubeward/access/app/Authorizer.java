package io.kubeward.access.app;

import io.kubeward.access.domain.AccessPolicy;
import io.kubeward.access.domain.AccessRules;
import io.kubeward.access.domain.ClusterAccess;
import io.kubeward.access.domain.ClusterActions;
import io.kubeward.access.domain.KubeIdentity;
import io.kubeward.access.domain.NamespaceVisibility;
import io.kubeward.access.domain.ResourceAction;
import io.kubeward.access.domain.Verb;
import java.util.Collection;
import java.util.function.Supplier;

/**
 * Decides what a caller may do; use cases call it before they act (ADR 0013).
 *
 * <p>Kubernetes is the authority on clusters. Where Kubeward may impersonate ({@link
 * ClusterAccess.Mode#IMPERSONATE}) a request made for a user goes to the apiserver with the user's
 * identity, so this class lets it through and the apiserver's RBAC and admission decide; reads from
 * the shared cache are filtered by {@link AccessReviews} of that identity. Where it may not ({@link
 * ClusterAccess.Mode#READ_ONLY}), Kubeward fails safe: users read what their Kubeward grants allow
 * and only Kubeward's administrators change anything. Kubeward itself (users, clusters, the audit
 * log) is always Kubeward's to decide: administrators only.
 *
 * <p>Whatever decides, a caller's API token then narrows it ({@link #requireWithinTokenScope}: a
 * read-only token, one cluster and some namespaces). That step is Kubeward's own in every mode and
 * never widens anything.
 */
public final class Authorizer {

  /** Kubeward's own things (users, clusters, audit) are audited under this pseudo-cluster. */
  public static final String KUBEWARD = "kubeward";

  private final ClusterAccessModes modes;
  private final AccessReviews reviews;

  public Authorizer(ClusterAccessModes modes, AccessReviews reviews) {
    this.modes = modes;
    this.reviews = reviews;
  }

  /**
   * @throws AccessDeniedException unless the caller administers Kubeward
   */
  public static void requireAdmin(Caller caller) {
    if (!AccessPolicy.isAdmin(caller.principal())) {
      throw new AccessDeniedException(caller.username(), Verb.ADMINISTER, KUBEWARD, null);
    }
    requireWithinTokenScope(caller, Verb.ADMINISTER, KUBEWARD, null);
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

  /** The narrowing step for lists: {@code granted} cut down to the caller's token scope. */
  public static NamespaceVisibility narrowToTokenScope(
      Caller caller, String cluster, NamespaceVisibility granted) {
    return caller.tokenScope().narrow(cluster, granted);
  }

  public static boolean isAdmin(Caller caller) {
    return AccessPolicy.isAdmin(caller.principal());
  }

  /** How Kubeward may act for users in {@code cluster}. */
  public ClusterAccess access(String cluster) {
    return modes.of(cluster);
  }

  /**
   * Checks a request that Kubeward is about to send to {@code cluster} for the caller, with the
   * caller's identity where it can (a live read, a change). {@link Verb#ADMINISTER} is Kubeward's
   * own and needs an administrator.
   *
   * @throws AccessDeniedException if Kubeward's grants decide (no impersonation) and deny
   * @throws ClusterReadOnlyException for a change in a cluster where Kubeward may not impersonate
   *     by a caller who is not an administrator
   */
  public void require(Caller caller, Verb verb, String cluster, String namespace) {
    if (verb == Verb.ADMINISTER) {
      requireAdmin(caller);
      return;
    }
    if (isController(caller)) {
      return;
    }
    requireGranted(caller, verb, cluster, namespace);
    requireWithinTokenScope(caller, verb, cluster, namespace);
  }

  /**
   * The deciding step: the cluster where Kubeward impersonates (nothing to check before the
   * request), else Kubeward's grants, and changes only by administrators.
   */
  private void requireGranted(Caller caller, Verb verb, String cluster, String namespace) {
    ClusterAccess access = modes.of(cluster);
    if (access.impersonates()) {
      return;
    }
    if (verb == Verb.MUTATE && !isAdmin(caller)) {
      throw new ClusterReadOnlyException(caller.username(), cluster, access.reason());
    }
    if (!AccessPolicy.allows(caller.principal(), verb, cluster, namespace)) {
      throw new AccessDeniedException(caller.username(), verb, cluster, namespace);
    }
  }

  /**
   * The namespaces in which the caller may {@code list} what Kubeward answers from its cache:
   * Kubernetes' answer for the caller's identity where Kubeward impersonates, else the caller's
   * Kubeward grants.
   *
   * @param list a {@code list} action (its namespace is ignored)
   * @param namespaces the cluster's namespaces, among which the answer is looked for (only asked
   *     for when needed)
   */
  public NamespaceVisibility readable(
      Caller caller,
      String cluster,
      ResourceAction list,
      Supplier<? extends Collection<String>> namespaces) {
    if (isController(caller)) {
      return NamespaceVisibility.ALL;
    }
    NamespaceVisibility scoped = narrowToTokenScope(caller, cluster, NamespaceVisibility.ALL);
    if (scoped.isEmpty()) {
      return NamespaceVisibility.NONE;
    }
    NamespaceVisibility decided =
        modes.of(cluster).impersonates()
            ? reviews.namespaces(cluster, identity(caller), list, namespaces)
            : AccessPolicy.namespaces(caller.principal(), Verb.READ, cluster);
    return narrowToTokenScope(caller, cluster, decided);
  }

  /**
   * Whether the caller may {@code list} a cluster-scoped kind (nodes, storage classes, ...) that
   * Kubeward answers from its cache.
   */
  public boolean mayList(Caller caller, String cluster, ResourceAction list) {
    if (isController(caller)) {
      return true;
    }
    if (!caller.tokenScope().permits(Verb.READ, cluster, null)) {
      return false;
    }
    if (modes.of(cluster).impersonates()) {
      return reviews.allows(cluster, identity(caller), list.in(null));
    }
    return AccessPolicy.namespaces(caller.principal(), Verb.READ, cluster).all();
  }

  /**
   * @throws AccessDeniedException unless {@link #mayList} allows it
   */
  public void requireList(Caller caller, String cluster, ResourceAction list) {
    if (!mayList(caller, cluster, list)) {
      throw new AccessDeniedException(caller.username(), Verb.READ, cluster, null);
    }
  }

  /**
   * Requires that the caller may do {@code action} themselves before Kubeward does it for them with
   * its own rights (its controllers act as Kubeward): Kubeward never lends its rights. Where
   * Kubeward may not impersonate, only administrators change anything, which {@link #require}
   * enforces.
   *
   * @param purpose what needs it, for the message (e.g. "node maintenance")
   * @throws PermissionMissingException if the cluster says no
   */
  public void requireAllowed(Caller caller, String cluster, ResourceAction action, String purpose) {
    if (isController(caller) || !modes.of(cluster).impersonates()) {
      return;
    }
    if (!reviews.allows(cluster, identity(caller), action)) {
      throw new PermissionMissingException(caller.username(), cluster, action, purpose);
    }
  }

  /**
   * Whether the caller may do {@code action}, for showing or hiding it (the request itself is
   * decided again when it is made): where Kubeward impersonates, the cluster's answer for the
   * caller's identity; where it may not, administrators may do anything and others only read where
   * their grants let them.
   */
  public boolean mayDo(Caller caller, String cluster, ResourceAction action) {
    if (isController(caller)) {
      return true;
    }
    if (!caller.tokenScope().permits(verbOf(action), cluster, action.namespace())) {
      return false;
    }
    if (modes.of(cluster).impersonates()) {
      return reviews.allows(cluster, identity(caller), action);
    }
    if (isAdmin(caller)) {
      return true;
    }
    return ClusterActions.reads(action)
        && AccessPolicy.allows(caller.principal(), Verb.READ, cluster, action.namespace());
  }

  /**
   * What the caller may do in {@code namespace} of {@code cluster}, for showing or hiding actions:
   * the cluster's rules for the caller's identity where Kubeward impersonates, else what the
   * caller's grants allow in the read-only mode ({@link AccessPolicy#readOnlyRules}).
   */
  public AccessRules rules(Caller caller, String cluster, String namespace) {
    if (isController(caller)) {
      return AccessPolicy.readOnlyRules(caller.principal(), cluster, namespace); // everything
    }
    if (!caller.tokenScope().permits(Verb.READ, cluster, namespace)) {
      return AccessRules.NONE;
    }
    AccessRules decided =
        modes.of(cluster).impersonates()
            ? reviews.rules(cluster, identity(caller), namespace)
            : AccessPolicy.readOnlyRules(caller.principal(), cluster, namespace);
    return caller.tokenScope().readOnly() ? decided.readOnly() : decided;
  }

  /** The Kubeward verb a token's scope is checked against for a Kubernetes action. */
  private static Verb verbOf(ResourceAction action) {
    if (!ClusterActions.reads(action)) {
      return Verb.MUTATE;
    }
    return "secrets".equals(action.resource()) && "get".equals(action.verb())
        ? Verb.READ_SECRET
        : Verb.READ;
  }

  /**
   * Whether the cluster appears to the caller at all (in the cluster list): any signed-in user
   * where Kubernetes decides, else a user with a grant in it.
   */
  public boolean seesCluster(Caller caller, String cluster) {
    if (isController(caller)) {
      return true;
    }
    if (narrowToTokenScope(caller, cluster, NamespaceVisibility.ALL).isEmpty()) {
      return false;
    }
    return modes.of(cluster).impersonates()
        || AccessPolicy.seesCluster(caller.principal(), cluster);
  }

  /** The identity Kubeward impersonates for the caller. */
  public static KubeIdentity identity(Caller caller) {
    return KubeIdentity.of(caller.principal());
  }

  private static boolean isController(Caller caller) {
    return caller.origin() == io.kubeward.access.domain.Origin.CONTROLLER;
  }
}
