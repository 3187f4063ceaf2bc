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
 */
public record UserAccount(
    long id,
    String username,
    String passwordHash,
    boolean mustChangePassword,
    Instant createdAt,
    List<Grant> grants) {

  public UserAccount {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(passwordHash, "passwordHash");
    Objects.requireNonNull(createdAt, "createdAt");
    grants = List.copyOf(grants);
  }

  public Principal principal() {
    return new Principal(username, grants);
  }

  public boolean isAdmin() {
    return AccessPolicy.isAdmin(principal());
  }

  @Override
  public String toString() {
    return "UserAccount[id=" + id + ", username=" + username + ", grants=" + grants + "]";
  }
}
