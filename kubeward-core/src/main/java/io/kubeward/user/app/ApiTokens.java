package io.kubeward.user.app;

import io.kubeward.access.app.Caller;
import io.kubeward.access.app.TokenScopeException;
import io.kubeward.access.domain.TokenScope;
import io.kubeward.audit.app.AuditedAction;
import io.kubeward.common.Names;
import io.kubeward.user.domain.ApiToken;
import io.kubeward.user.domain.TokenSecret;
import io.kubeward.user.domain.UserAccount;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
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

  /** A token that may not make tokens and is not narrowed. */
  public Created create(Caller caller, String name, int expiresInDays) {
    return create(caller, name, expiresInDays, new TokenScope(false, null, Set.of(), false));
  }

  /**
   * Makes a token for the caller. Only a caller whose own scope may make tokens (a console session,
   * or a token made with that right) may, and never a token wider than its own scope.
   *
   * @throws TokenScopeException if the caller may not make tokens or asks for a wider scope
   * @throws AuthException {@code token.invalid} for a bad name, expiry or scope
   */
  public Created create(Caller caller, String name, int expiresInDays, TokenScope scope) {
    return audited.runOwnChange(
        caller,
        new AuditedAction.Target(SignIn.KUBEWARD, null, "ApiToken", name),
        "token.create",
        () -> {
          if (!caller.tokenScope().canCreateTokens()) {
            throw new TokenScopeException(caller.username(), "token.create", null, null);
          }
          validate(scope);
          if (!caller.tokenScope().covers(scope)) {
            throw new TokenScopeException(
                caller.username(), "token.create (wider scope)", scope.cluster(), null);
          }
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
                  null,
                  scope);
          String secret = TokenSecret.generate(random);
          tokens.create(token, TokenSecret.hash(secret));
          return new AuditedAction.Outcome<>(
              new Created(token, secret), "+scope: " + describe(token));
        });
  }

  public List<ApiToken> list(Caller caller) {
    return tokens.listByUser(owner(caller).id());
  }

  public void revoke(Caller caller, String id) {
    audited.runOwnChange(
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
    UserAccount user =
        users
            .findById(token.userId())
            .filter(u -> !u.disabled())
            .orElseThrow(AuthException::invalidToken);
    tokens.touch(token.id(), now);
    return new Authenticated(user, token);
  }

  /** Whether the token still lets its user in (not revoked, not expired); for open streams. */
  public boolean stillUsable(String tokenId) {
    Instant now = clock.instant();
    return tokens.findById(tokenId).filter(t -> t.isUsableAt(now)).isPresent();
  }

  /** {@code read-only, cluster local, namespaces [a, b], may create tokens}: for audit diffs. */
  static String describe(ApiToken token) {
    TokenScope scope = token.scope();
    StringBuilder out = new StringBuilder(scope.readOnly() ? "read-only" : "read-write");
    out.append(", cluster ").append(scope.cluster() == null ? "*" : scope.cluster());
    out.append(", namespaces ")
        .append(scope.namespaces().isEmpty() ? "*" : scope.namespaces().stream().sorted().toList());
    out.append(scope.canCreateTokens() ? ", may create tokens" : "");
    out.append(", expires ").append(token.expiresAt());
    return out.toString();
  }

  private static void validate(TokenScope scope) {
    if (scope.cluster() != null && !Names.isClusterName(scope.cluster())) {
      throw AuthException.invalidTokenRequest("cluster \"" + scope.cluster() + "\"");
    }
    if (scope.namespaces().size() > TokenScope.MAX_NAMESPACES) {
      throw AuthException.invalidTokenRequest(
          "at most " + TokenScope.MAX_NAMESPACES + " namespaces");
    }
    for (String namespace : scope.namespaces()) {
      if (!Names.isNamespace(namespace)) {
        throw AuthException.invalidTokenRequest("namespace \"" + namespace + "\"");
      }
    }
  }

  private UserAccount owner(Caller caller) {
    return users
        .findByUsername(caller.username())
        .orElseThrow(AuthException::authenticationRequired);
  }
}
