package io.kubeward.user.domain;

import io.kubeward.access.domain.TokenScope;
import java.time.Instant;
import java.util.Objects;

/**
 * A personal API token as stored (without the secret, which only exists as its hash).
 *
 * @param lastUsedAt {@code null} if never used
 * @param revokedAt {@code null} unless revoked
 * @param scope what the token narrows its user's grants to (read-only, one cluster and some
 *     namespaces, whether it may make tokens)
 */
public record ApiToken(
    String id,
    long userId,
    String name,
    Instant createdAt,
    Instant expiresAt,
    Instant lastUsedAt,
    Instant revokedAt,
    TokenScope scope) {

  public static final int MAX_NAME_LENGTH = 100;
  public static final int MIN_DAYS = 1;
  public static final int MAX_DAYS = 365;

  public ApiToken {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(scope, "scope");
  }

  /** A token without narrowing that may not make tokens (the default of a new token). */
  public ApiToken(
      String id,
      long userId,
      String name,
      Instant createdAt,
      Instant expiresAt,
      Instant lastUsedAt,
      Instant revokedAt) {
    this(
        id,
        userId,
        name,
        createdAt,
        expiresAt,
        lastUsedAt,
        revokedAt,
        new TokenScope(false, null, java.util.Set.of(), false));
  }

  /** Whether a request may authenticate with this token at {@code now}. */
  public boolean isUsableAt(Instant now) {
    return revokedAt == null && now.isBefore(expiresAt);
  }
}
