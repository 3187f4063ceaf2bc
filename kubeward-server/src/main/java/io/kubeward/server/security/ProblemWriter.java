package io.kubeward.server.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a localized problem response from a security filter, where MVC's {@code ApiProblems} does
 * not run; the same shape and message bundles.
 */
@Component
class ProblemWriter {

  private final MessageSource messages;
  private final LocaleResolver locales;
  private final JsonMapper json;

  ProblemWriter(MessageSource messages, LocaleResolver locales, JsonMapper json) {
    this.messages = messages;
    this.locales = locales;
    this.json = json;
  }

  void write(
      HttpServletRequest request,
      HttpServletResponse response,
      int status,
      String code,
      Map<String, Object> properties)
      throws IOException {
    Locale locale = locales.resolveLocale(request);
    Object[] args = properties.values().toArray();
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "urn:kubeward:problem:" + code);
    problem.put("title", messages.getMessage("problem." + code + ".title", args, code, locale));
    problem.put("status", status);
    problem.put("detail", messages.getMessage("problem." + code + ".detail", args, null, locale));
    problem.put("instance", request.getRequestURI());
    problem.put("code", code);
    problem.putAll(properties);
    response.setStatus(status);
    if (status == 401) {
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"Kubeward\"");
    }
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    json.writeValue(response.getOutputStream(), problem);
  }
}
