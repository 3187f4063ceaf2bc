package io.kubeward.server.web;

import io.kubeward.common.ErrorKind;
import io.kubeward.common.KubewardException;
import java.util.Map;

/**
 * A request that is refused before any use case sees it: its query, its parameters or its body
 * cannot be read. Each has a stable code and a message in both bundles.
 */
public final class BadRequestException extends KubewardException {

  public static final String MALFORMED_QUERY = "request.malformed-query";
  public static final String TOO_LARGE = "request.too-large";
  public static final String INVALID_PARAMETER = "request.invalid-parameter";
  public static final String MALFORMED_BODY = "request.malformed-body";

  private BadRequestException(
      String code, ErrorKind kind, String message, Map<String, Object> properties) {
    super(code, kind, message, properties);
  }

  /** The query string cannot be decoded (malformed percent-encoding, too many parameters). */
  public static BadRequestException malformedQuery() {
    return new BadRequestException(
        MALFORMED_QUERY, ErrorKind.INVALID, "The query string cannot be decoded", Map.of());
  }

  public static BadRequestException tooLarge(long limit) {
    return new BadRequestException(
        TOO_LARGE,
        ErrorKind.TOO_LARGE,
        "The request body is larger than " + limit + " bytes",
        props("limit", limit));
  }

  /** {@code {0}} the parameter, {@code {1}} the reason ("must be a number"). */
  public static BadRequestException invalidParameter(String parameter, String reason) {
    return new BadRequestException(
        INVALID_PARAMETER,
        ErrorKind.INVALID,
        parameter + " " + reason,
        props("parameter", parameter, "reason", reason));
  }

  /** A JSON body that cannot be read; {@code line}/{@code column} are 1-based, 0 if unknown. */
  public static BadRequestException malformedBody(String reason, int line, int column) {
    return new BadRequestException(
        MALFORMED_BODY,
        ErrorKind.INVALID,
        "Malformed body at line " + line + ", column " + column + ": " + reason,
        props("line", line, "column", column, "reason", reason));
  }
}
