package io.kubeward.server.security;

import io.kubeward.user.domain.UserAccount;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.stereotype.Component;

/**
 * Starts and ends console sessions: a fresh session id on sign-in (no fixation), the user in it,
 * and a fresh CSRF token in the {@code XSRF-TOKEN} cookie.
 */
@Component
public class SessionSignIn {

  private final SecurityContextRepository contexts;
  private final CsrfTokenRepository csrfTokens;
  // --- issue 18 ha ---
  private final EndedSessions ended;

  SessionSignIn(
      SecurityContextRepository contexts, CsrfTokenRepository csrfTokens, EndedSessions ended) {
    this.contexts = contexts;
    this.csrfTokens = csrfTokens;
    this.ended = ended;
  }

  // --- end issue 18 ha ---

  public void start(UserAccount user, HttpServletRequest request, HttpServletResponse response) {
    ended.end(request.getSession(false)); // issue 18 ha: listeners told, row deleted
    request.getSession(true);
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(KubewardAuthentication.session(user));
    SecurityContextHolder.setContext(context);
    contexts.saveContext(context, request, response);
    CsrfToken token = csrfTokens.generateToken(request);
    csrfTokens.saveToken(token, request, response);
  }

  /**
   * Keeps the calling console session after its user's credential epoch moved on (the user changed
   * the password): a new session id (the old id, e.g. of a temporary password, no longer works),
   * the new epoch in it, a new CSRF token. Does nothing for requests without a session (API
   * tokens).
   */
  public void rotate(UserAccount user, HttpServletRequest request, HttpServletResponse response) {
    if (!(SecurityContextHolder.getContext().getAuthentication()
            instanceof KubewardAuthentication current)
        || current.method() != KubewardAuthentication.Method.SESSION
        || request.getSession(false) == null) {
      return;
    }
    request.changeSessionId();
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(KubewardAuthentication.session(user));
    SecurityContextHolder.setContext(context);
    contexts.saveContext(context, request, response);
    CsrfToken token = csrfTokens.generateToken(request);
    csrfTokens.saveToken(token, request, response);
  }

  public void end(HttpServletRequest request, HttpServletResponse response) {
    ended.end(request.getSession(false)); // issue 18 ha: listeners told, row deleted
    SecurityContextHolder.clearContext();
    csrfTokens.saveToken(null, request, response);
  }
}
