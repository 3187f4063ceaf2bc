package io.kubeward.access.app;

import io.kubeward.common.ErrorKind;
import io.kubeward.common.KubewardException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Failures of sign-in, users and tokens, each with a stable code (see the message bundles). Made
 * through the factory methods so that codes and properties stay in one place.
 */
public final class AccessException extends KubewardException {

  private AccessException(String code, ErrorKind kind, String message, Map<String, Object> props) {
    super(code, kind, message, props);
  }

  public static AccessException invalidCredentials() {
    return new AccessException(
        "auth.invalid-credentials",
        ErrorKind.UNAUTHENTICATED,
        "Wrong user name or password",
        Map.of());
  }

  /** {@code retryAfterSeconds} is also the {@code Retry-After} header of the response. */
  public static AccessException throttled(Duration retryAfter) {
    long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    return new AccessException(
        "auth.throttled",
        ErrorKind.THROTTLED,
        "Too many failed sign-ins; retry in " + seconds + " s",
        Map.of("retryAfterSeconds", seconds));
  }

  public static AccessException authenticationRequired() {
    return new AccessException(
        "auth.required", ErrorKind.UNAUTHENTICATED, "Authentication required", Map.of());
  }

  public static AccessException invalidToken() {
    return new AccessException(
        "auth.invalid-token",
        ErrorKind.UNAUTHENTICATED,
        "The API token is unknown, expired or revoked",
        Map.of());
  }

  public static AccessException passwordChangeRequired(String username) {
    return new AccessException(
        "auth.password-change-required",
        ErrorKind.FORBIDDEN,
        username + " must change the password first",
        Map.of("user", username));
  }

  public static AccessException passwordTooWeak(String reason) {
    return new AccessException(
        "auth.password-too-weak",
        ErrorKind.INVALID,
        "The password " + reason,
        Map.of("reason", reason));
  }

  public static AccessException userNotFound(String username) {
    return new AccessException(
        "user.not-found", ErrorKind.NOT_FOUND, "No user " + username, Map.of("user", username));
  }

  public static AccessException userExists(String username) {
    return new AccessException(
        "user.exists",
        ErrorKind.CONFLICT,
        "User " + username + " exists",
        Map.of("user", username));
  }

  public static AccessException invalidUsername(String username) {
    return new AccessException(
        "user.invalid-name",
        ErrorKind.INVALID,
        "Invalid user name",
        Map.of("user", String.valueOf(username)));
  }

  public static AccessException invalidGrant(String reason) {
    return new AccessException(
        "user.invalid-grant",
        ErrorKind.INVALID,
        "Invalid grant: " + reason,
        Map.of("reason", reason));
  }

  public static AccessException lastAdmin(String username) {
    return new AccessException(
        "user.last-admin",
        ErrorKind.CONFLICT,
        username + " is the last administrator",
        Map.of("user", username));
  }

  public static AccessException tokenNotFound(String id) {
    return new AccessException(
        "token.not-found", ErrorKind.NOT_FOUND, "No token " + id, Map.of("id", id));
  }

  public static AccessException invalidTokenRequest(String reason) {
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("reason", reason);
    return new AccessException(
        "token.invalid", ErrorKind.INVALID, "Invalid token request: " + reason, props);
  }
}
