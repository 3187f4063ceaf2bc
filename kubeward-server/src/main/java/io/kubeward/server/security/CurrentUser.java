package io.kubeward.server.security;

import io.kubeward.access.app.Caller;
import io.kubeward.access.domain.Origin;
import io.kubeward.user.app.AuthException;
import io.kubeward.user.domain.UserAccount;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The signed-in user of a request, loaded from the database by the security filters, and the {@link
 * Caller} built from it: origin CONSOLE for a session, API for a bearer token, CLI for a bearer
 * token with {@code X-Kubeward-Client: cli}.
 */
public record CurrentUser(UserAccount account, Origin origin, String clientAddress) {

  static final String ATTRIBUTE = CurrentUser.class.getName();
  public static final String CLIENT_HEADER = "X-Kubeward-Client";

  public Caller caller() {
    return new Caller(account.principal(), origin, clientAddress);
  }

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
