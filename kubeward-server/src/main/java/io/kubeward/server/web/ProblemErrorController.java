package io.kubeward.server.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /error}, where the servlet container sends what never reached a controller: requests the
 * security firewall rejects (an encoded {@code /}, {@code \}, {@code %}, a control character in the
 * path), or a failure in a filter. Answered like every other failure: problem+json with a code, in
 * the language of {@code Accept-Language}, whatever the request's {@code Accept} says. Replaces
 * Spring Boot's whitelabel/JSON error answer.
 */
@Hidden
@Controller
class ProblemErrorController implements ErrorController {

  private final MessageSource messages;
  private final JsonMapper json;

  ProblemErrorController(MessageSource messages, JsonMapper json) {
    this.messages = messages;
    this.json = json;
  }

  @RequestMapping("/error")
  void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
    if (response.isCommitted()) {
      return;
    }
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    HttpStatus status =
        code instanceof Integer value && HttpStatus.resolve(value) != null
            ? HttpStatus.valueOf(value)
            : HttpStatus.INTERNAL_SERVER_ERROR;
    if (!status.isError()) {
      status = HttpStatus.INTERNAL_SERVER_ERROR;
    }
    Locale locale = LanguageResolver.resolve(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
    ProblemDetail problem =
        ApiProblems.problem(messages, status, ApiProblems.codeOf(status), new Object[0], locale);
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    if (uri instanceof String path) {
      problem.setProperty("path", path.length() > 500 ? path.substring(0, 500) : path);
    }
    response.resetBuffer();
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    json.writeValue(response.getOutputStream(), problem);
  }
}
