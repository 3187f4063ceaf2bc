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
 */
public record UserAccount(
    long id,
    String username,
    String passwordHash,
    boolean mustChangePassword,
    Instant createdAt,
    List<Grant> grants,
    long credentialEpoch,
    boolean disabled) {

  public UserAccount {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(passwordHash, "passwordHash");
    Objects.requireNonNull(createdAt, "createdAt");
    grants = List.copyOf(grants);
  }

  /** An enabled user at epoch 0. */
  public UserAccount(
      long id,
      String username,
      String passwordHash,
      boolean mustChangePassword,
      Instant createdAt,
      List<Grant> grants) {
    this(id, username, passwordHash, mustChangePassword, createdAt, grants, 0, false);
  }

  public Principal principal() {
    return new Principal(username, grants);
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
