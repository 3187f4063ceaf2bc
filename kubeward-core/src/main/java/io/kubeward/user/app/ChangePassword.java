package io.kubeward.user.app;

import io.kubeward.access.app.Caller;
import io.kubeward.audit.app.AuditedAction;
import io.kubeward.user.domain.PasswordPolicy;
import io.kubeward.user.domain.UserAccount;
import java.time.Clock;

/**
 * A user changes their own password (also the way out of "must change password"). Every other
 * session of the user ends (the password's store raises the credential epoch; the edge keeps the
 * calling session under a new id), open streams close, and the user's API tokens are revoked when
 * asked. Audited; a read-only API token may not.
 */
public final class ChangePassword {

  private final UserStore users;
  private final TokenStore tokens;
  private final PasswordHasher hasher;
  private final AuditedAction audited;
  private final Clock clock;
  private final OpenSessions openSessions;

  public ChangePassword(
      UserStore users,
      TokenStore tokens,
      PasswordHasher hasher,
      AuditedAction audited,
      Clock clock,
      OpenSessions openSessions) {
    this.users = users;
    this.tokens = tokens;
    this.hasher = hasher;
    this.audited = audited;
    this.clock = clock;
    this.openSessions = openSessions;
  }

  /** Changes the password and revokes the user's API tokens. */
  public UserAccount change(Caller caller, String current, String next) {
    return change(caller, current, next, true);
  }

  /**
   * @param revokeTokens also revoke every API token of the user
   * @return the user as stored now (with the new credential epoch)
   * @throws AuthException {@code auth.invalid-credentials} if {@code current} is wrong, {@code
   *     auth.password-too-weak} if {@code next} breaks the policy
   */
  public UserAccount change(Caller caller, String current, String next, boolean revokeTokens) {
    return audited.runOwnChange(
        caller,
        new AuditedAction.Target(SignIn.KUBEWARD, null, "User", caller.username()),
        "auth.password-change",
        () -> {
          UserAccount user =
              users
                  .findByUsername(caller.username())
                  .orElseThrow(AuthException::authenticationRequired);
          if (current == null || !hasher.matches(current, user.passwordHash())) {
            throw AuthException.invalidCredentials();
          }
          PasswordPolicy.violation(user.username(), next)
              .ifPresent(
                  reason -> {
                    throw AuthException.passwordTooWeak(reason);
                  });
          if (hasher.matches(next, user.passwordHash())) {
            throw AuthException.passwordTooWeak("must differ from the current password");
          }
          UserAccount changed =
              users.setPassword(user.username(), hasher.hash(next), false, clock.instant());
          int revoked = revokeTokens ? tokens.revokeAll(user.id(), clock.instant()) : 0;
          openSessions.endAll(user.id());
          return new AuditedAction.Outcome<>(
              changed,
              "other sessions ended"
                  + (revokeTokens ? ", " + revoked + " API tokens revoked" : ", API tokens kept"));
        });
  }
}
