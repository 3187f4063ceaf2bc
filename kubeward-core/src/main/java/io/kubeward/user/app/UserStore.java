package io.kubeward.user.app;

import io.kubeward.access.domain.Grant;
import io.kubeward.user.domain.UserAccount;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: the local users and their grants. Changes that would leave Kubeward without an
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
   * @throws AuthException {@code user.not-found}
   */
  void setPassword(String username, String passwordHash, boolean mustChangePassword, Instant now);

  /**
   * Deletes the user with its grants and tokens.
   *
   * @throws AuthException {@code user.not-found}, {@code user.last-admin}
   */
  void delete(String username);
}
