package io.kubeward.server.security;

import io.kubeward.user.domain.UserAccount;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * Who a request is, as Spring Security keeps it: the user's id and name and how they authenticated.
 * Grants are not kept here but read from the database on every request, so a change of grants, a
 * reset password or a deleted user takes effect at once, also for open sessions. Serialized into
 * the database-backed session (ADR 0053): only the id, name, method and credential epoch.
 */
public final class KubewardAuthentication extends AbstractAuthenticationToken {

  // issue 18 ha: kept in the database-backed session (ADR 0053); bump when the fields change
  @java.io.Serial private static final long serialVersionUID = 1L;

  /** How the request authenticated. */
  public enum Method {
    SESSION,
    TOKEN
  }

  private final long userId;
  private final String username;
  private final Method method;
  private final long credentialEpoch;

  private KubewardAuthentication(
      long userId, String username, Method method, long credentialEpoch) {
    super(List.of());
    this.userId = userId;
    this.username = username;
    this.method = method;
    this.credentialEpoch = credentialEpoch;
    setAuthenticated(true);
  }

  /** A console session, valid while the user's credential epoch stays the one it signed in at. */
  static KubewardAuthentication session(UserAccount user) {
    return new KubewardAuthentication(
        user.id(), user.username(), Method.SESSION, user.credentialEpoch());
  }

  static KubewardAuthentication token(UserAccount user) {
    return new KubewardAuthentication(
        user.id(), user.username(), Method.TOKEN, user.credentialEpoch());
  }

  public long userId() {
    return userId;
  }

  /** The user's credential epoch when the session signed in. */
  public long credentialEpoch() {
    return credentialEpoch;
  }

  public Method method() {
    return method;
  }

  @Override
  public Object getCredentials() {
    return "";
  }

  @Override
  public Object getPrincipal() {
    return username;
  }

  @Override
  public String getName() {
    return username;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KubewardAuthentication other
        && other.userId == userId
        && other.method == method
        && other.credentialEpoch == credentialEpoch
        && other.username.equals(username);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(userId) * 31 + method.hashCode();
  }
}
