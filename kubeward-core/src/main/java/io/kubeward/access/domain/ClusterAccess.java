package io.kubeward.access.domain;

import java.time.Instant;
import java.util.List;
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
 * @param reason why the mode is what it is, in English (logs; the edges show a translation of
 *     {@code code})
 * @param code why, as a stable code: {@value #IMPERSONATING}, {@value #NOT_GRANTED} or {@value
 *     #NOT_CHECKED}
 * @param missing for {@value #NOT_GRANTED}: the rights Kubeward lacks ({@code impersonate users})
 */
public record ClusterAccess(
    Mode mode, String reason, Instant checkedAt, String code, List<String> missing) {

  public static final String IMPERSONATING = "impersonating";
  public static final String NOT_GRANTED = "impersonation-not-granted";
  public static final String NOT_CHECKED = "not-checked";

  public enum Mode {
    IMPERSONATE,
    READ_ONLY
  }

  public ClusterAccess {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(code, "code");
    missing = missing == null ? List.of() : List.copyOf(missing);
  }

  /** An access whose code follows from the mode (and whether it was checked). */
  public ClusterAccess(Mode mode, String reason, Instant checkedAt) {
    this(
        mode,
        reason,
        checkedAt,
        mode == Mode.IMPERSONATE ? IMPERSONATING : checkedAt == null ? NOT_CHECKED : NOT_GRANTED,
        List.of());
  }

  public static ClusterAccess unknown() {
    return new ClusterAccess(
        Mode.READ_ONLY,
        "Kubeward has not been able to check its permissions yet",
        null,
        NOT_CHECKED,
        List.of());
  }

  public boolean impersonates() {
    return mode == Mode.IMPERSONATE;
  }
}
