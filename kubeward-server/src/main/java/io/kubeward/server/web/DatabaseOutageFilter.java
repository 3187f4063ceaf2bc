package io.kubeward.server.web;

import io.kubeward.server.persistence.DatabaseFailures;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * The database outage mapping of {@link ApiProblems} for what fails before MVC: the security
 * filters read users, sessions' users and API tokens from the database. Runs just outside the
 * security filter chain; any failure that {@link DatabaseFailures} calls "unavailable" becomes the
 * same {@code 503 database.unavailable} problem instead of a servlet error (a 500 with a stack
 * trace in the log).
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1)
class DatabaseOutageFilter extends OncePerRequestFilter {

  private final ApiProblems problems;
  private final LocaleResolver locales;
  private final JsonMapper json;

  DatabaseOutageFilter(ApiProblems problems, LocaleResolver locales, JsonMapper json) {
    this.problems = problems;
    this.locales = locales;
    this.json = json;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (ServletException | IOException | RuntimeException e) {
      if (!DatabaseFailures.isUnavailable(e) || response.isCommitted()) {
        throw e;
      }
      ResponseEntity<ProblemDetail> answer =
          problems.databaseUnavailable(e, locales.resolveLocale(request));
      ProblemDetail problem = answer.getBody();
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("type", problem.getType().toString());
      body.put("title", problem.getTitle());
      body.put("status", problem.getStatus());
      body.put("detail", problem.getDetail());
      body.put("instance", request.getRequestURI());
      if (problem.getProperties() != null) {
        body.putAll(problem.getProperties());
      }
      response.resetBuffer();
      response.setStatus(answer.getStatusCode().value());
      answer
          .getHeaders()
          .forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setCharacterEncoding("UTF-8");
      json.writeValue(response.getOutputStream(), body);
    }
  }
}
