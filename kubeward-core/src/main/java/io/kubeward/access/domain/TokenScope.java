package io.kubeward.access.domain;

import java.util.Objects;
import java.util.Set;

/**
 * What an API token may do at most, whatever its user's grants say: a Kubeward-side narrowing that
 * applies in every authorization mode (Kubeward roles or Kubernetes RBAC through impersonation).
 * Console sessions and controllers have {@link #FULL}. Pure.
 *
 * @param readOnly only {@link Verb#READ}: no change, no secret value, no administration, no change
 *     of the own account (password, tokens)
 * @param cluster the one cluster the token may touch, or {@code null} for any
 * @param namespaces the namespaces of {@code cluster} the token may touch (then no cluster-scoped
 *     object); empty for all
 * @param canCreateTokens whether the token may make further tokens (never wider than itself)
 */
public record TokenScope(
    boolean readOnly, String cluster, Set<String> namespaces, boolean canCreateTokens) {

  /** No narrowing; may create tokens (console sessions, controllers). */
  public static final TokenScope FULL = new TokenScope(false, null, Set.of(), true);

  /** At most this many namespaces in one token's scope. */
  public static final int MAX_NAMESPACES = 50;

  public TokenScope {
    namespaces = Set.copyOf(Objects.requireNonNullElse(namespaces, Set.of()));
    if (!namespaces.isEmpty() && cluster == null) {
      throw new IllegalArgumentException("namespaces need a cluster");
    }
  }

  /** Whether the scope narrows anything a role would allow. */
  public boolean isRestricted() {
    return readOnly || cluster != null;
  }

  /**
   * Whether the scope lets its bearer {@code verb} in {@code cluster}/{@code namespace} ({@code
   * null}: a cluster-scoped object); the role check is separate and must also pass.
   */
  public boolean permits(Verb verb, String targetCluster, String targetNamespace) {
    if (readOnly && verb != Verb.READ) {
      return false;
    }
    if (cluster == null) {
      return true;
    }
    if (verb == Verb.ADMINISTER || !cluster.equals(targetCluster)) {
      return false;
    }
    return namespaces.isEmpty()
        || (targetNamespace != null && namespaces.contains(targetNamespace));
  }

  /** Whether the bearer may change its own account: password, API tokens. */
  public boolean permitsOwnChanges() {
    return !readOnly;
  }

  /** {@code visible} (what the roles allow in {@code targetCluster}) cut down to this scope. */
  public NamespaceVisibility narrow(String targetCluster, NamespaceVisibility visible) {
    if (cluster == null) {
      return visible;
    }
    if (!cluster.equals(targetCluster)) {
      return NamespaceVisibility.NONE;
    }
    if (namespaces.isEmpty()) {
      return visible;
    }
    if (visible.all()) {
      return NamespaceVisibility.only(namespaces);
    }
    return NamespaceVisibility.only(
        visible.namespaces().stream()
            .filter(namespaces::contains)
            .collect(java.util.stream.Collectors.toSet()));
  }

  /** Whether a token with scope {@code requested} would be no wider than this one. */
  public boolean covers(TokenScope requested) {
    if (readOnly && !requested.readOnly()) {
      return false;
    }
    if (!canCreateTokens && requested.canCreateTokens()) {
      return false;
    }
    if (cluster == null) {
      return true;
    }
    if (!cluster.equals(requested.cluster())) {
      return false;
    }
    return namespaces.isEmpty()
        || (!requested.namespaces().isEmpty() && namespaces.containsAll(requested.namespaces()));
  }
}
