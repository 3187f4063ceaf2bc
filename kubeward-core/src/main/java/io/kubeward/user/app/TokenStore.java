package io.kubeward.user.app;

import io.kubeward.user.domain.ApiToken;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: personal API tokens, stored by the SHA-256 of their secret. */
public interface TokenStore {

  void create(ApiToken token, String secretHash);

  /** The user's tokens that are not revoked, newest first (expired ones included). */
  List<ApiToken> listByUser(long userId);

  Optional<ApiToken> findBySecretHash(String secretHash);

  Optional<ApiToken> findById(String id);

  /**
   * @return whether the user's token was found and revoked now
   */
  boolean revoke(String id, long userId, Instant now);

  /**
   * Revokes every token of the user that is not revoked yet.
   *
   * @return how many were revoked
   */
  int revokeAll(long userId, Instant now);

  /** Records a use; implementations may skip writes closer than a minute to the last one. */
  void touch(String id, Instant now);
}
