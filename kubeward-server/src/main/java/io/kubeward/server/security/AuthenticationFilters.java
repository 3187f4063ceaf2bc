package io.kubeward.server.security;

import io.kubeward.common.KubewardException;
import io.kubeward.user.app.ApiTokens;
import io.kubeward.user.app.UserStore;
import io.kubeward.user.domain.TokenSecret;
import io.kubeward.user.domain.UserAccount;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** The two filters that turn a request into a {@link CurrentUser}. Not beans: only in the chain. */
final class AuthenticationFilters {

  private AuthenticationFilters() {}

  /** {@code Authorization: Bearer kw_...}: a personal API token; a bad one is 401 at once. */
  static final class BearerToken extends OncePerRequestFilter {
    private final ApiTokens tokens;
    private final ProblemWriter problems;

    BearerToken(ApiTokens tokens, ProblemWriter problems) {
      this.tokens = tokens;
      this.problems = problems;
    }

    static boolean isBearer(HttpServletRequest request) {
      return TokenSecret.fromAuthorization(request.getHeader(HttpHeaders.AUTHORIZATION))
          .isPresent();
    }

    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      Optional<String> secret =
          TokenSecret.fromAuthorization(request.getHeader(HttpHeaders.AUTHORIZATION));
      if (secret.isEmpty()) {
        chain.doFilter(request, response);
        return;
      }
      ApiTokens.Authenticated authenticated;
      try {
        authenticated = tokens.authenticate(secret.get());
      } catch (KubewardException e) {
        problems.write(request, response, 401, e.code(), Map.of());
        return;
      }
      KubewardAuthentication authentication = KubewardAuthentication.token(authenticated.user());
      SecurityContext context = SecurityContextHolder.createEmptyContext();
      context.setAuthentication(authentication);
      SecurityContextHolder.setContext(context);
      request.setAttribute(
          CurrentUser.ATTRIBUTE,
          new CurrentUser(
              authenticated.user(),
              CurrentUser.originOf(authentication.method(), request),
              request.getRemoteAddr(),
              authenticated.token().id(),
              authenticated.token().scope(),
              null));
      chain.doFilter(request, response);
    }
  }

  /**
   * Reloads the session's user from the database on each request and ends the session when the user
   * is gone or disabled, or their credential epoch moved on since the session signed in (password
   * changed or reset, grants narrowed: on every replica, since the epoch is in the database); while
   * the user must change the password lets only {@link #WHILE_PASSWORD_MUST_CHANGE} through.
   */
  static final class SessionUser extends OncePerRequestFilter {
    static final Set<String> WHILE_PASSWORD_MUST_CHANGE =
        Set.of("GET /api/v1/auth/me", "POST /api/v1/auth/password", "POST /api/v1/auth/logout");

    /**
     * Whether a user who must change the password is stopped here: every API, OpenAPI and Swagger
     * path but {@link #WHILE_PASSWORD_MUST_CHANGE}, compared on the decoded path (non-canonical
     * spellings never get this far: {@link CanonicalPathFilter}).
     */
    static boolean passwordChangeGates(HttpServletRequest request) {
      String path = CanonicalPathFilter.path(request);
      boolean guarded =
          path.startsWith("/api/") || path.startsWith("/v3/") || path.startsWith("/swagger-ui");
      return guarded && !WHILE_PASSWORD_MUST_CHANGE.contains(request.getMethod() + " " + path);
    }

    private final UserStore users;
    private final ProblemWriter problems;
    // --- issue 18 ha ---
    private final EndedSessions ended;

    SessionUser(UserStore users, ProblemWriter problems, EndedSessions ended) {
      this.users = users;
      this.problems = problems;
      this.ended = ended;
    }

    // --- end issue 18 ha ---

    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
      if (authentication instanceof KubewardAuthentication kubeward
          && request.getAttribute(CurrentUser.ATTRIBUTE) == null) {
        Optional<UserAccount> user =
            users
                .findById(kubeward.userId())
                .filter(u -> !u.disabled())
                .filter(u -> u.credentialEpoch() == kubeward.credentialEpoch());
        if (user.isEmpty()) {
          SecurityContextHolder.clearContext();
          ended.end(request.getSession(false)); // issue 18 ha: listeners told, row deleted
          chain.doFilter(request, response);
          return;
        }
        HttpSession session = request.getSession(false);
        request.setAttribute(
            CurrentUser.ATTRIBUTE,
            new CurrentUser(
                user.get(),
                CurrentUser.originOf(kubeward.method(), request),
                request.getRemoteAddr(),
                session == null ? null : session.getId()));
      }
      if (request.getAttribute(CurrentUser.ATTRIBUTE) instanceof CurrentUser current
          && current.account().mustChangePassword()
          && passwordChangeGates(request)) {
        problems.write(
            request,
            response,
            403,
            "auth.password-change-required",
            Map.of("user", current.account().username()));
        return;
      }
      chain.doFilter(request, response);
    }
  }
}
