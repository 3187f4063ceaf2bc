package io.kubeward.server.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * The first filter of every request (before Spring Security): a path that is not spelled
 * canonically ({@link CanonicalPath}) is refused with 400 {@code request.non-canonical-path}, so
 * that every later comparison of paths, whatever it compares (raw or decoded), sees one spelling.
 * Also the one place that says what "the path" of a request is for the security filters: {@link
 * #path(HttpServletRequest)}, decoded and without the context path.
 */
final class CanonicalPathFilter extends OncePerRequestFilter {

  static final String CODE = "request.non-canonical-path";

  private final ProblemWriter problems;

  CanonicalPathFilter(ProblemWriter problems) {
    this.problems = problems;
  }

  /** The decoded path within the application; the same for every filter and rule. */
  static String path(HttpServletRequest request) {
    return UrlPathHelper.defaultInstance.getPathWithinApplication(request);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String raw = request.getRequestURI().substring(request.getContextPath().length());
    Optional<String> violation = CanonicalPath.violation(raw);
    if (violation.isPresent()) {
      problems.write(request, response, 400, CODE, Map.of("reason", violation.get()));
      return;
    }
    chain.doFilter(request, response);
  }
}
