package io.kubeward.user.app;

import io.kubeward.access.app.Caller;
import io.kubeward.audit.app.AuditedAction;
import io.kubeward.user.domain.ApiToken;
import io.kubeward.user.domain.TokenSecret;
import io.kubeward.user.domain.UserAccount;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * Personal API tokens: made and revoked by their owner (audited), listed without secrets, and
 * checked on every bearer request.
 */
public final class ApiTokens {

  /** A token just made: the secret is in {@code token} and never shown again. */
  public record Created(ApiToken token, String secret) {}

  /** A request's user and the token it used. */
  public record Authenticated(UserAccount user, ApiToken token) {}

  private final TokenStore tokens;
  private final UserStore users;
  private final AuditedAction audited;
  private final Clock clock;
  private final RandomGenerator random;

  public ApiTokens(
      TokenStore tokens,
      UserStore users,
      AuditedAction audited,
      Clock clock,
      RandomGenerator random) {
    this.tokens = tokens;
    this.users = users;
    this.audited = audited;
    this.clock = clock;
    this.random = random;
  }

  public Created create(Caller caller, String name, int expiresInDays) {
    return audited.runOwn(
        caller,
        new AuditedAction.Target(SignIn.KUBEWARD, null, "ApiToken", name),
        "token.create",
        () -> {
          if (name == null || name.isBlank() || name.length() > ApiToken.MAX_NAME_LENGTH) {
            throw AuthException.invalidTokenRequest(
                "name must have 1 to " + ApiToken.MAX_NAME_LENGTH + " characters");
          }
          if (expiresInDays < ApiToken.MIN_DAYS || expiresInDays > ApiToken.MAX_DAYS) {
            throw AuthException.invalidTokenRequest(
                "expiresInDays must be between " + ApiToken.MIN_DAYS + " and " + ApiToken.MAX_DAYS);
          }
          UserAccount owner = owner(caller);
          Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
          ApiToken token =
              new ApiToken(
                  UUID.randomUUID().toString(),
                  owner.id(),
                  name.strip(),
                  now,
                  now.plus(Duration.ofDays(expiresInDays)),
                  null,
                  null);
          String secret = TokenSecret.generate(random);
          tokens.create(token, TokenSecret.hash(secret));
          return AuditedAction.Outcome.of(new Created(token, secret));
        });
  }

  public List<ApiToken> list(Caller caller) {
    return tokens.listByUser(owner(caller).id());
  }

  public void revoke(Caller caller, String id) {
    audited.runOwn(
        caller,
        new AuditedAction.Target(SignIn.KUBEWARD, null, "ApiToken", id),
        "token.revoke",
        () -> {
          if (!tokens.revoke(id, owner(caller).id(), clock.instant())) {
            throw AuthException.tokenNotFound(id);
          }
          return AuditedAction.Outcome.of(null);
        });
  }

  /**
   * The user of a bearer token.
   *
   * @throws AuthException {@code auth.invalid-token} if it is malformed, unknown, expired or
   *     revoked, or its user is gone
   */
  public Authenticated authenticate(String secret) {
    if (!TokenSecret.isWellFormed(secret)) {
      throw AuthException.invalidToken();
    }
    Instant now = clock.instant();
    ApiToken token =
        tokens
            .findBySecretHash(TokenSecret.hash(secret))
            .filter(t -> t.isUsableAt(now))
            .orElseThrow(AuthException::invalidToken);
    UserAccount user = users.findById(token.userId()).orElseThrow(AuthException::invalidToken);
    tokens.touch(token.id(), now);
    return new Authenticated(user, token);
  }

  private UserAccount owner(Caller caller) {
    return users
        .findByUsername(caller.username())
        .orElseThrow(AuthException::authenticationRequired);
  }
}
