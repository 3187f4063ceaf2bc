package io.kubeward.server.web;

import io.kubeward.common.ErrorKind;
import io.kubeward.common.KubewardException;
import io.kubeward.server.config.KubewardProperties;
import io.kubeward.server.health.HealthProperties;
import io.kubeward.server.persistence.DatabaseAvailability;
import io.kubeward.server.persistence.DatabaseFailures;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.util.DisconnectedClientHelper;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;

/**
 * The one place where failures become HTTP responses: {@code application/problem+json} (RFC 9457)
 * with a localized title and detail, the stable {@code code} and the exception's properties as
 * extension members. Never a stack trace. Spring MVC's own errors (a parameter of the wrong type,
 * an unreadable body, 404, 405, 415, ...) get the same shape and a code of their own; a property
 * that holds a {@link KubewardException} (e.g. the failure of one document of several) becomes a
 * nested problem. A client that went away gets nothing (there is nobody to answer) and is no error.
 */
@RestControllerAdvice
public class ApiProblems extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);
  static final String TYPE_PREFIX = "urn:kubeward:problem:";

  private final MessageSource messages;
  private final long retryAfterSeconds;
  private final DatabaseAvailability database;
  private final long databaseRetryAfterSeconds;

  ApiProblems(
      MessageSource messages,
      KubewardProperties properties,
      DatabaseAvailability database,
      HealthProperties health) {
    this.messages = messages;
    this.retryAfterSeconds = Math.max(1, properties.probe().interval().toSeconds());
    this.database = database;
    this.databaseRetryAfterSeconds = Math.max(1, health.retryAfter().toSeconds());
    setMessageSource(messages);
  }

  @ExceptionHandler(KubewardException.class)
  ResponseEntity<ProblemDetail> kubeward(
      KubewardException e, Locale locale, HttpServletResponse response) {
    if (response.isCommitted()) {
      log.debug("{} after the response was committed: {}", e.code(), e.getMessage());
      return null;
    }
    HttpStatus status = statusOf(e.kind());
    ProblemDetail problem = problem(status, e.code(), e.messageArguments(), locale);
    e.properties().forEach((name, value) -> problem.setProperty(name, render(value, locale)));
    ResponseEntity.BodyBuilder answer = ResponseEntity.status(status);
    if (status == HttpStatus.SERVICE_UNAVAILABLE || status == HttpStatus.TOO_MANY_REQUESTS) {
      answer.header(
          HttpHeaders.RETRY_AFTER,
          String.valueOf(e.properties().getOrDefault("retryAfterSeconds", retryAfterSeconds)));
    }
    return answer.body(problem);
  }

  /**
   * The problem the API would answer for {@code e} in {@code locale}, for answers that are not an
   * HTTP response (an exec or port-forward WebSocket's error frame).
   */
  public ProblemDetail toProblem(KubewardException e, Locale locale) {
    ProblemDetail problem = problem(statusOf(e.kind()), e.code(), e.messageArguments(), locale);
    e.properties().forEach((name, value) -> problem.setProperty(name, render(value, locale)));
    return problem;
  }

  /** Tomcat's failure to decode parameters, should one get past {@link RequestGuards}. */
  @ExceptionHandler(org.apache.tomcat.util.http.InvalidParameterException.class)
  ResponseEntity<ProblemDetail> malformedQuery(
      RuntimeException e, Locale locale, HttpServletResponse response) {
    return kubeward(BadRequestException.malformedQuery(), locale, response);
  }

  /** The security firewall refusing a parameter name or value once MVC reads a form body. */
  @ExceptionHandler(RequestRejectedException.class)
  ResponseEntity<ProblemDetail> rejected(
      RequestRejectedException e, Locale locale, HttpServletResponse response) {
    log.debug("Request rejected by the firewall: {}", e.getMessage());
    return kubeward(
        BadRequestException.invalidParameter("(form)", "contains characters that are not allowed"),
        locale,
        response);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(
      Exception e, Locale locale, HttpServletResponse response) {
    if (DisconnectedClientHelper.isClientDisconnectedException(e)) {
      log.debug("The client went away: {}", e.toString());
      return null;
    }
    if (DatabaseFailures.isUnavailable(e) && !response.isCommitted()) {
      return databaseUnavailable(e, locale);
    }
    if (response.isCommitted()) {
      log.error("Unexpected failure after the answer had started; it is cut short", e);
      return null;
    }
    log.error("Unexpected failure while answering a request", e);
    return ResponseEntity.internalServerError()
        .body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", new Object[0], locale));
  }

  /**
   * The database does not answer ({@link DatabaseFailures}, JDBC or Spring's data-access and
   * transaction exceptions, from any endpoint or filter): {@code 503 database.unavailable} with
   * {@code Retry-After}, logged once per outage by {@link DatabaseAvailability}, never a stack
   * trace per request. Kubeward recovers by itself when the pool reconnects.
   */
  ResponseEntity<ProblemDetail> databaseUnavailable(Throwable e, Locale locale) {
    database.failed(e);
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, Long.toString(databaseRetryAfterSeconds))
        .body(problem(HttpStatus.SERVICE_UNAVAILABLE, DATABASE_UNAVAILABLE, new Object[0], locale));
  }

  static final String DATABASE_UNAVAILABLE = "database.unavailable";

  /**
   * Spring MVC's own refusals (type mismatches, missing parameters, unreadable bodies, unknown
   * routes, wrong methods or media types) as Kubeward problems with a code.
   */
  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception e, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    Locale locale = LanguageResolver.resolve(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
    KubewardException known = translate(e, status);
    if (known != null) {
      HttpStatus translated = statusOf(known.kind());
      ProblemDetail problem = problem(translated, known.code(), known.messageArguments(), locale);
      known.properties().forEach(problem::setProperty);
      return super.handleExceptionInternal(e, problem, headers, translated, request);
    }
    String code = codeOf(status);
    ProblemDetail problem =
        problem(HttpStatus.valueOf(status.value()), code, new Object[0], locale);
    return super.handleExceptionInternal(e, problem, headers, status, request);
  }

  /** The Kubeward problem for one of Spring's exceptions, or {@code null} for a generic one. */
  private static KubewardException translate(Exception e, HttpStatusCode status) {
    Throwable tooLarge = cause(e, RequestGuards.BodyTooLargeException.class);
    if (tooLarge != null) {
      return BadRequestException.tooLarge(RequestGuards.MAX_BODY_BYTES);
    }
    return switch (e) {
      case TypeMismatchException mismatch ->
          BadRequestException.invalidParameter(
              String.valueOf(mismatch.getPropertyName()),
              "must be " + typeName(mismatch.getRequiredType()));
      case MissingServletRequestParameterException missing ->
          BadRequestException.invalidParameter(missing.getParameterName(), "is required");
      case HttpMessageNotReadableException unreadable -> malformedBody(unreadable);
      default -> null;
    };
  }

  private static KubewardException malformedBody(HttpMessageNotReadableException e) {
    if (cause(e, JacksonException.class) instanceof JacksonException json) {
      TokenStreamLocation location = json.getLocation();
      int line = location == null ? 0 : Math.max(0, location.getLineNr());
      int column = location == null ? 0 : Math.max(0, location.getColumnNr());
      String reason = json.getOriginalMessage();
      return BadRequestException.malformedBody(
          reason == null ? "cannot be read" : firstLine(reason), line, column);
    }
    return BadRequestException.malformedBody("the body is missing or cannot be read", 0, 0);
  }

  static String codeOf(HttpStatusCode status) {
    return switch (status.value()) {
      case 404 -> "request.not-found";
      case 405 -> "request.method-not-allowed";
      case 406 -> "request.not-acceptable";
      case 415 -> "request.unsupported-media-type";
      case 503 -> "request.unavailable";
      default -> status.is4xxClientError() ? "request.invalid" : "internal";
    };
  }

  private static String typeName(Class<?> type) {
    if (type == null) {
      return "of another type";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
      return "a whole number in range";
    }
    return "a " + type.getSimpleName();
  }

  private static Throwable cause(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return t;
      }
    }
    return null;
  }

  private static String firstLine(String text) {
    int nl = text.indexOf('\n');
    String line = nl < 0 ? text : text.substring(0, nl);
    return line.length() > 300 ? line.substring(0, 300) + "…" : line;
  }

  /** A property value, with nested {@link KubewardException}s as problems (maps and lists too). */
  private Object render(Object value, Locale locale) {
    return switch (value) {
      case KubewardException nested -> {
        Map<String, Object> problem = new LinkedHashMap<>();
        String code = nested.code();
        Object[] args = nested.messageArguments();
        problem.put("code", code);
        problem.put("status", statusOf(nested.kind()).value());
        problem.put("title", messages.getMessage("problem." + code + ".title", args, code, locale));
        problem.put(
            "detail", messages.getMessage("problem." + code + ".detail", args, null, locale));
        nested.properties().forEach((k, v) -> problem.put(k, render(v, locale)));
        yield problem;
      }
      case Map<?, ?> map -> {
        Map<Object, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(k, render(v, locale)));
        yield copy;
      }
      case List<?> list -> {
        List<Object> copy = new ArrayList<>(list.size());
        list.forEach(v -> copy.add(render(v, locale)));
        yield copy;
      }
      case null -> null;
      default -> value;
    };
  }

  private ProblemDetail problem(HttpStatus status, String code, Object[] args, Locale locale) {
    return problem(messages, status, code, args, locale);
  }

  /** A problem with the bundle's title and detail for {@code code} in {@code locale}. */
  static ProblemDetail problem(
      MessageSource messages, HttpStatus status, String code, Object[] args, Locale locale) {
    ProblemDetail problem = ProblemDetail.forStatus(status);
    problem.setType(URI.create(TYPE_PREFIX + code));
    problem.setTitle(messages.getMessage("problem." + code + ".title", args, code, locale));
    problem.setDetail(messages.getMessage("problem." + code + ".detail", args, null, locale));
    problem.setProperty("code", code);
    return problem;
  }

  static HttpStatus statusOf(ErrorKind kind) {
    return switch (kind) {
      case NOT_FOUND -> HttpStatus.NOT_FOUND;
      case INVALID -> HttpStatus.BAD_REQUEST;
      case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
      case FORBIDDEN -> HttpStatus.FORBIDDEN;
      case CONFLICT -> HttpStatus.CONFLICT;
      case REJECTED -> HttpStatus.UNPROCESSABLE_CONTENT;
      case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
      case THROTTLED -> HttpStatus.TOO_MANY_REQUESTS;
      case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
      case TIMED_OUT -> HttpStatus.GATEWAY_TIMEOUT;
    };
  }
}
