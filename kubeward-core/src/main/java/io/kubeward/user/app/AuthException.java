package io.kubeward.user.app;

import io.kubeward.common.ErrorKind;
import io.kubeward.common.KubewardException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Failures of sign-in, users and tokens, each with a stable code (see the message bundles). Made
 * through the factory methods so that codes and properties stay in one place.
 */
public final class AuthException extends KubewardException {

  private AuthException(String code, ErrorKind kind, String message, Map<String, Object> props) {
    super(code, kind, message, props);
  }

  public static AuthException invalidCredentials() {
    return new AuthException(
        "auth.invalid-credentials",
        ErrorKind.UNAUTHENTICATED,
        "Wrong user name or password",
        Map.of());
  }

  /** {@code retryAfterSeconds} is also the {@code Retry-After} header of the response. */
  public static AuthException throttled(Duration retryAfter) {
    long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    return new AuthException(
        "auth.throttled",
        ErrorKind.THROTTLED,
        "Too many failed sign-ins; retry in " + seconds + " s",
        Map.of("retryAfterSeconds", seconds));
  }

  /** Only said after the password was right, so it tells nothing to a guesser. */
  public static AuthException userDisabled(String username) {
    return new AuthException(
        "auth.user-disabled",
        ErrorKind.FORBIDDEN,
        "User " + username + " is disabled",
        Map.of("user", username));
  }

  public static AuthException authenticationRequired() {
    return new AuthException(
        "auth.required", ErrorKind.UNAUTHENTICATED, "Authentication required", Map.of());
  }

  public static AuthException invalidToken() {
    return new AuthException(
        "auth.invalid-token",
        ErrorKind.UNAUTHENTICATED,
        "The API token is unknown, expired or revoked",
        Map.of());
  }

  public static AuthException passwordChangeRequired(String username) {
    return new AuthException(
        "auth.password-change-required",
        ErrorKind.FORBIDDEN,
        username + " must change the password first",
        Map.of("user", username));
  }

  public static AuthException passwordTooWeak(String reason) {
    return new AuthException(
        "auth.password-too-weak",
        ErrorKind.INVALID,
        "The password " + reason,
        Map.of("reason", reason));
  }

  public static AuthException userNotFound(String username) {
    return new AuthException(
        "user.not-found", ErrorKind.NOT_FOUND, "No user " + username, Map.of("user", username));
  }

  public static AuthException userExists(String username) {
    return new AuthException(
        "user.exists",
        ErrorKind.CONFLICT,
        "User " + username + " exists",
        Map.of("user", username));
  }

  public static AuthException invalidUsername(String username) {
    return new AuthException(
        "user.invalid-name",
        ErrorKind.INVALID,
        "Invalid user name",
        Map.of("user", String.valueOf(username)));
  }

  public static AuthException invalidGrant(String reason) {
    return new AuthException(
        "user.invalid-grant",
        ErrorKind.INVALID,
        "Invalid grant: " + reason,
        Map.of("reason", reason));
  }

  public static AuthException lastAdmin(String username) {
    return new AuthException(
        "user.last-admin",
        ErrorKind.CONFLICT,
        username + " is the last administrator",
        Map.of("user", username));
  }

  public static AuthException tokenNotFound(String id) {
    return new AuthException(
        "token.not-found", ErrorKind.NOT_FOUND, "No token " + id, Map.of("id", id));
  }

  public static AuthException invalidTokenRequest(String reason) {
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("reason", reason);
    return new AuthException(
        "token.invalid", ErrorKind.INVALID, "Invalid token request: " + reason, props);
  }
}
