package io.kubeward.user.app;

import io.kubeward.access.app.Caller;
import io.kubeward.access.domain.Origin;
import io.kubeward.access.domain.Principal;
import io.kubeward.audit.app.AuditedAction;
import io.kubeward.user.domain.UserAccount;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Checks a user name and password, throttled ({@link LoginThrottle}). A success is audited as one
 * {@value #VERB} record; failures (wrong, throttled, disabled) go to {@link SignInFailures}, which
 * aggregates them in the audit log and counts them, instead of one record per attempt.
 */
public final class SignIn {

  public static final String VERB = "auth.login";
  public static final String KUBEWARD = "kubeward";
  private static final int MAX_AUDITED_NAME = 64;

  private final UserStore users;
  private final PasswordHasher hasher;
  private final LoginThrottle throttle;
  private final AuditedAction audited;
  private final SignInFailures failures;
  private final Clock clock;
  private final String dummyHash;

  public SignIn(
      UserStore users,
      PasswordHasher hasher,
      LoginThrottle throttle,
      AuditedAction audited,
      SignInFailures failures,
      Clock clock) {
    this.users = users;
    this.hasher = hasher;
    this.throttle = throttle;
    this.audited = audited;
    this.failures = failures;
    this.clock = clock;
    // Unknown users cost a hash check too, so timing does not tell which names exist.
    this.dummyHash = hasher.hash("not a password of anybody");
  }

  /**
   * @return the signed-in user
   * @throws AuthException {@code auth.throttled}, {@code auth.invalid-credentials}, {@code
   *     auth.user-disabled} (only with the right password)
   */
  public UserAccount signIn(String username, String password, Origin origin, String address) {
    String name = username == null ? "" : username.strip();
    String audited = name.length() > MAX_AUDITED_NAME ? name.substring(0, MAX_AUDITED_NAME) : name;
    UserAccount user;
    try {
      user = check(name, password, address);
    } catch (AuthException failure) {
      failures.failed(
          new SignInFailures.Failure(
              audited, address, origin, failure.code(), failure.getMessage(), clock.instant()));
      throw failure;
    }
    Caller caller = new Caller(new Principal(audited, List.of()), origin, address);
    return this.audited.runOwn(
        caller,
        new AuditedAction.Target(KUBEWARD, null, "User", audited),
        VERB,
        () -> AuditedAction.Outcome.of(user));
  }

  private UserAccount check(String username, String password, String address) {
    if (throttle.check(username, address) instanceof LoginThrottle.Decision.Refuse refuse) {
      throw AuthException.throttled(refuse.retryAfter());
    }
    Optional<UserAccount> user =
        username.length() > 256 ? Optional.empty() : users.findByUsername(username);
    String candidate = password == null ? "" : password;
    boolean matches =
        hasher.matches(candidate, user.map(UserAccount::passwordHash).orElse(dummyHash));
    if (user.isEmpty() || !matches) {
      throttle.recordFailure(username, address);
      throw AuthException.invalidCredentials();
    }
    if (user.get().disabled()) {
      throw AuthException.userDisabled(user.get().username());
    }
    throttle.recordSuccess(username);
    return user.get();
  }
}
