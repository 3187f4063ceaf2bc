package io.kubeward.user.app;

import io.kubeward.access.app.Caller;
import io.kubeward.audit.app.AuditedAction;
import io.kubeward.user.domain.PasswordPolicy;
import io.kubeward.user.domain.UserAccount;
import java.time.Clock;

/** A user changes their own password (also the way out of "must change password"). Audited. */
public final class ChangePassword {

  private final UserStore users;
  private final PasswordHasher hasher;
  private final AuditedAction audited;
  private final Clock clock;

  public ChangePassword(
      UserStore users, PasswordHasher hasher, AuditedAction audited, Clock clock) {
    this.users = users;
    this.hasher = hasher;
    this.audited = audited;
    this.clock = clock;
  }

  /**
   * @throws AuthException {@code auth.invalid-credentials} if {@code current} is wrong, {@code
   *     auth.password-too-weak} if {@code next} breaks the policy
   */
  public void change(Caller caller, String current, String next) {
    audited.runOwn(
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
          users.setPassword(user.username(), hasher.hash(next), false, clock.instant());
          return AuditedAction.Outcome.of(null);
        });
  }
}
