package io.kubeward.server.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/** Answers an unauthenticated request with 401, a Basic challenge and a localized problem. */
@Component
class ProblemEntryPoint implements AuthenticationEntryPoint {

  static final String CODE = "auth.required";

  private final MessageSource messages;
  private final LocaleResolver locales;
  private final JsonMapper json;

  ProblemEntryPoint(MessageSource messages, LocaleResolver locales, JsonMapper json) {
    this.messages = messages;
    this.locales = locales;
    this.json = json;
  }

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    Locale locale = locales.resolveLocale(request);
    // Written by hand: outside MVC, without the message converters' ProblemDetail mix-in.
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "urn:kubeward:problem:" + CODE);
    problem.put("title", messages.getMessage("problem." + CODE + ".title", null, CODE, locale));
    problem.put("status", HttpStatus.UNAUTHORIZED.value());
    problem.put("detail", messages.getMessage("problem." + CODE + ".detail", null, null, locale));
    problem.put("instance", request.getRequestURI());
    problem.put("code", CODE);
    response.setStatus(HttpStatus.UNAUTHORIZED.value());
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Kubeward\"");
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    json.writeValue(response.getOutputStream(), problem);
  }
}
