package io.kubeward.sso.app;

import io.kubeward.common.ErrorKind;
import io.kubeward.common.KubewardException;
import java.util.Map;

/** Failures of single sign-on, each with a stable code (see the message bundles). */
public final class SsoException extends KubewardException {

  private SsoException(String code, ErrorKind kind, String message, Map<String, Object> props) {
    super(code, kind, message, props);
  }

  public static SsoException disabled() {
    return new SsoException(
        "sso.disabled", ErrorKind.NOT_FOUND, "Single sign-on is not enabled", Map.of());
  }

  /** The provider's answer or token is not acceptable; {@code reason} says why (no secrets). */
  public static SsoException invalidToken(String reason) {
    return new SsoException(
        "sso.invalid-token",
        ErrorKind.UNAUTHENTICATED,
        "The identity provider's token was refused: " + reason,
        Map.of("reason", reason));
  }

  public static SsoException expiredToken() {
    return new SsoException(
        "sso.token-expired",
        ErrorKind.UNAUTHENTICATED,
        "The identity provider's token has expired",
        Map.of());
  }

  /** The sign-in's state is unknown, used or too old (or belongs to another browser). */
  public static SsoException invalidState() {
    return new SsoException(
        "sso.invalid-state",
        ErrorKind.UNAUTHENTICATED,
        "The sign-in is unknown or has expired; start it again",
        Map.of());
  }

  /** The provider answered the authorization request with an error. */
  public static SsoException providerError(String error) {
    String shown = error == null ? "unknown" : error.replaceAll("[^A-Za-z0-9_.-]", "");
    shown = shown.length() > 64 ? shown.substring(0, 64) : shown;
    return new SsoException(
        "sso.provider-error",
        ErrorKind.UNAUTHENTICATED,
        "The identity provider refused the sign-in: " + shown,
        Map.of("error", shown));
  }

  public static SsoException providerUnavailable(String issuer) {
    return new SsoException(
        "sso.provider-unavailable",
        ErrorKind.UNAVAILABLE,
        "The identity provider " + issuer + " cannot be reached",
        Map.of("issuer", issuer));
  }

  public static SsoException invalidUsername(String claim) {
    return new SsoException(
        "sso.invalid-username",
        ErrorKind.FORBIDDEN,
        "The token's claim " + claim + " is missing or not a valid Kubeward user name",
        Map.of("claim", claim));
  }

  public static SsoException invalidGroups(String claim) {
    return new SsoException(
        "sso.invalid-groups",
        ErrorKind.FORBIDDEN,
        "The token's claim " + claim + " is not a list of at most 256 group names",
        Map.of("claim", claim));
  }

  public static SsoException noAccess(String username) {
    return new SsoException(
        "sso.no-access",
        ErrorKind.FORBIDDEN,
        username + " is in no group that Kubeward maps to a role",
        Map.of("user", username));
  }

  /** A local user has the name: single sign-on never takes over a local account. */
  public static SsoException localUser(String username) {
    return new SsoException(
        "sso.local-user",
        ErrorKind.CONFLICT,
        "A local user named " + username + " exists; single sign-on does not take it over",
        Map.of("user", username));
  }

  /** Password sign-in is off while single sign-on is on ({@code kubeward.sso.local-sign-in}). */
  public static SsoException localSignInOff() {
    return new SsoException(
        "sso.local-sign-in-off",
        ErrorKind.FORBIDDEN,
        "Sign-in with a password is off; sign in through the identity provider",
        Map.of());
  }
}
