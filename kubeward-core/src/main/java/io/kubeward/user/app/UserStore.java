package io.kubeward.user.app;

import io.kubeward.access.domain.Grant;
import io.kubeward.user.domain.UserAccount;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: the local users and their grants. Changes that would leave Kubeward without an enabled
 * administrator (ADMIN everywhere) fail with {@code user.last-admin}, atomically with the change.
 */
public interface UserStore {

  Optional<UserAccount> findByUsername(String username);

  Optional<UserAccount> findById(long id);

  /** All users by name. */
  List<UserAccount> list();

  /** Whether no user exists yet (first start). */
  boolean isEmpty();

  /**
   * @throws AuthException {@code user.exists} if the name is taken
   */
  UserAccount create(
      String username,
      String passwordHash,
      boolean mustChangePassword,
      List<Grant> grants,
      Instant now);

  /**
   * @throws AuthException {@code user.not-found}, {@code user.last-admin}
   */
  UserAccount setGrants(String username, List<Grant> grants);

  /**
   * Sets the password and raises the user's credential epoch in the same statement, so every
   * session signed in before ends.
   *
   * @return the user as stored now
   * @throws AuthException {@code user.not-found}
   */
  UserAccount setPassword(
      String username, String passwordHash, boolean mustChangePassword, Instant now);

  /**
   * Raises the user's credential epoch: every console session of the user ends (on every replica,
   * at its next request).
   *
   * @throws AuthException {@code user.not-found}
   */
  UserAccount endSessions(String username);

  /**
   * Disables (raising the credential epoch) or enables the user.
   *
   * @throws AuthException {@code user.not-found}, {@code user.last-admin} when disabling the last
   *     enabled administrator
   */
  UserAccount setDisabled(String username, boolean disabled);

  /**
   * Deletes the user with its grants and tokens.
   *
   * @throws AuthException {@code user.not-found}, {@code user.last-admin}
   */
  void delete(String username);
}
