package io.kubeward.user.domain;

import io.kubeward.access.domain.AccessPolicy;
import io.kubeward.access.domain.Grant;
import io.kubeward.access.domain.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A local user as stored: the password only as a hash, and the grants that make its {@link
 * Principal}.
 *
 * @param mustChangePassword set for generated or reset passwords: the user may only change it
 * @param credentialEpoch raised whenever the user's sessions must end (password set or reset,
 *     disabled, grants narrowed); a console session remembers the epoch it signed in with and ends
 *     when it differs, on every replica, because it is compared with the database on each request
 * @param disabled a disabled user cannot sign in, and their sessions and tokens do not work
 * @param kubernetesGroups extra Kubernetes groups the user is impersonated with: those a single
 *     sign-on group mapping gives (issue 18); empty for local users
 */
public record UserAccount(
    long id,
    String username,
    String passwordHash,
    boolean mustChangePassword,
    Instant createdAt,
    List<Grant> grants,
    long credentialEpoch,
    boolean disabled,
    List<String> kubernetesGroups) {

  public UserAccount {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(passwordHash, "passwordHash");
    Objects.requireNonNull(createdAt, "createdAt");
    grants = List.copyOf(grants);
    // --- issue 18 sso ---
    kubernetesGroups = kubernetesGroups == null ? List.of() : List.copyOf(kubernetesGroups);
    // --- end issue 18 sso ---
  }

  // --- issue 18 sso ---
  /** A user without extra Kubernetes groups (local users). */
  public UserAccount(
      long id,
      String username,
      String passwordHash,
      boolean mustChangePassword,
      Instant createdAt,
      List<Grant> grants,
      long credentialEpoch,
      boolean disabled) {
    this(
        id,
        username,
        passwordHash,
        mustChangePassword,
        createdAt,
        grants,
        credentialEpoch,
        disabled,
        List.of());
  }

  // --- end issue 18 sso ---

  /** An enabled user at epoch 0. */
  public UserAccount(
      long id,
      String username,
      String passwordHash,
      boolean mustChangePassword,
      Instant createdAt,
      List<Grant> grants) {
    this(id, username, passwordHash, mustChangePassword, createdAt, grants, 0, false, List.of());
  }

  public Principal principal() {
    return new Principal(username, grants, kubernetesGroups); // issue 18 sso: + groups
  }

  public boolean isAdmin() {
    return AccessPolicy.isAdmin(principal());
  }

  @Override
  public String toString() {
    return "UserAccount[id="
        + id
        + ", username="
        + username
        + ", grants="
        + grants
        + ", epoch="
        + credentialEpoch
        + (disabled ? ", disabled" : "")
        + "]";
  }
}
