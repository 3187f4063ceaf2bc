package io.kubeward.server.web;

import io.kubeward.common.ErrorKind;
import io.kubeward.common.KubewardException;
import io.kubeward.server.config.KubewardProperties;
import io.kubeward.server.health.HealthProperties;
import io.kubeward.server.persistence.DatabaseAvailability;
import io.kubeward.server.persistence.DatabaseFailures;
import java.net.URI;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one place where failures become HTTP responses: {@code application/problem+json} (RFC 9457)
 * with a localized title and detail, the stable {@code code} and the exception's properties as
 * extension members. Never a stack trace. Spring MVC's own errors (404, 405, ...) get the same
 * shape through {@link ResponseEntityExceptionHandler}.
 */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

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
  ResponseEntity<ProblemDetail> kubeward(KubewardException e, Locale locale) {
    HttpStatus status = statusOf(e.kind());
    ProblemDetail problem = problem(status, e.code(), e.messageArguments(), locale);
    e.properties().forEach(problem::setProperty);
    ResponseEntity.BodyBuilder response = ResponseEntity.status(status);
    if (status == HttpStatus.SERVICE_UNAVAILABLE || status == HttpStatus.TOO_MANY_REQUESTS) {
      response.header(
          HttpHeaders.RETRY_AFTER,
          String.valueOf(e.properties().getOrDefault("retryAfterSeconds", retryAfterSeconds)));
    }
    return response.body(problem);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e, Locale locale) {
    if (DatabaseFailures.isUnavailable(e)) {
      return databaseUnavailable(e, locale);
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

  private ProblemDetail problem(HttpStatus status, String code, Object[] args, Locale locale) {
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
    };
  }
}
