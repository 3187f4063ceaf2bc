package io.kubeward.server.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;

/**
 * Answers requests that the security filters refuse: 401 {@code auth.required} without a valid
 * session or token (with {@code WWW-Authenticate: Bearer}, so browsers show no login dialog), 403
 * {@code auth.csrf} when a session request lacks the {@code X-XSRF-TOKEN} header.
 */
@Component
class ProblemEntryPoint implements AuthenticationEntryPoint, AccessDeniedHandler {

  static final String CODE = "auth.required";
  static final String CSRF = "auth.csrf";

  private final ProblemWriter problems;

  ProblemEntryPoint(ProblemWriter problems) {
    this.problems = problems;
  }

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    problems.write(request, response, 401, CODE, Map.of());
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException {
    problems.write(
        request, response, 403, e instanceof CsrfException ? CSRF : "access.forbidden", Map.of());
  }
}
