package io.kubeward.access.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * How Kubeward may act for its users in one cluster, as last checked against the cluster itself.
 *
 * <ul>
 *   <li>{@link Mode#IMPERSONATE}: Kubeward may impersonate users and groups, so every request made
 *       for a user carries the user's identity and the cluster's RBAC and admission decide; reads
 *       from the shared cache are filtered by access reviews of that identity.
 *   <li>{@link Mode#READ_ONLY}: Kubeward may not impersonate (or has not found out yet: {@link
 *       #unknown}). Failing safe, users read what their Kubeward grants allow and only Kubeward's
 *       administrators change anything; the console says why.
 * </ul>
 *
 * @param reason why the mode is what it is (for the banner and the cluster list)
 */
public record ClusterAccess(Mode mode, String reason, Instant checkedAt) {

  public enum Mode {
    IMPERSONATE,
    READ_ONLY
  }

  public ClusterAccess {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(reason, "reason");
  }

  public static ClusterAccess unknown() {
    return new ClusterAccess(
        Mode.READ_ONLY, "Kubeward has not been able to check its permissions yet", null);
  }

  public boolean impersonates() {
    return mode == Mode.IMPERSONATE;
  }
}
