package io.kubeward.server.security;

import io.kubeward.access.app.Caller;
import io.kubeward.access.domain.Origin;
import io.kubeward.access.domain.TokenScope;
import io.kubeward.user.app.ApiTokens;
import io.kubeward.user.app.AuthException;
import io.kubeward.user.app.UserStore;
import io.kubeward.user.domain.UserAccount;
import jakarta.servlet.http.HttpServletRequest;
import java.util.function.Predicate;
import org.springframework.session.SessionRepository;

/**
 * The signed-in user of a request, loaded from the database by the security filters, and the {@link
 * Caller} built from it: origin CONSOLE for a session, API for a bearer token, CLI for a bearer
 * token with {@code X-Kubeward-Client: cli}.
 *
 * @param tokenId the API token of the request, or {@code null} for a console session
 * @param tokenScope the token's scope; {@link TokenScope#FULL} for a console session
 * @param sessionId the console session's id, or {@code null} for a token
 */
public record CurrentUser(
    UserAccount account,
    Origin origin,
    String clientAddress,
    String tokenId,
    TokenScope tokenScope,
    String sessionId) {

  static final String ATTRIBUTE = CurrentUser.class.getName();
  public static final String CLIENT_HEADER = "X-Kubeward-Client";

  /** A console session's user. */
  CurrentUser(UserAccount account, Origin origin, String clientAddress, String sessionId) {
    this(account, origin, clientAddress, null, TokenScope.FULL, sessionId);
  }

  /** A console session's user, for tests of other packages. */
  public static CurrentUser forTests(UserAccount account, Origin origin, String clientAddress) {
    return new CurrentUser(account, origin, clientAddress, null, TokenScope.FULL, null);
  }

  public Caller caller() {
    return new Caller(account.principal(), origin, clientAddress, tokenScope);
  }

  public boolean viaToken() {
    return tokenId != null;
  }

  /**
   * Whether a request made as {@code user} would still be let in now: the user exists, is enabled
   * and has the same credential epoch (no password change, reset or narrowing of grants since), and
   * the API token, if any, is neither revoked nor expired. For open streams, whose requests started
   * long ago.
   */
  public static Predicate<CurrentUser> stillValid(UserStore users, ApiTokens tokens) {
    return user ->
        users
                .findById(user.account().id())
                .filter(u -> !u.disabled())
                .filter(u -> u.credentialEpoch() == user.account().credentialEpoch())
                .isPresent()
            && (user.tokenId() == null || tokens.stillUsable(user.tokenId()));
  }

  // --- issue 18 ha ---
  /**
   * {@link #stillValid(UserStore, ApiTokens)}, and for a console session also that the session
   * still exists in the database (ADR 0053): signed out or timed out on any replica ends the
   * streams of that session on every replica at their next re-check.
   */
  public static Predicate<CurrentUser> stillValid(
      UserStore users, ApiTokens tokens, SessionRepository<?> sessions) {
    Predicate<CurrentUser> user = stillValid(users, tokens);
    return current ->
        user.test(current)
            && (current.sessionId() == null || sessions.findById(current.sessionId()) != null);
  }

  // --- end issue 18 ha ---

  /**
   * @throws AuthException {@code auth.required} when nobody is signed in
   */
  public static CurrentUser of(HttpServletRequest request) {
    if (request.getAttribute(ATTRIBUTE) instanceof CurrentUser user) {
      return user;
    }
    throw AuthException.authenticationRequired();
  }

  static Origin originOf(KubewardAuthentication.Method method, HttpServletRequest request) {
    if (method == KubewardAuthentication.Method.SESSION) {
      return Origin.CONSOLE;
    }
    return "cli".equalsIgnoreCase(request.getHeader(CLIENT_HEADER)) ? Origin.CLI : Origin.API;
  }
}
