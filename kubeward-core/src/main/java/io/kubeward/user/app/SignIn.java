package io.kubeward.user.app;

import io.kubeward.access.app.Caller;
import io.kubeward.access.domain.Origin;
import io.kubeward.access.domain.Principal;
import io.kubeward.audit.app.AuditedAction;
import io.kubeward.user.domain.UserAccount;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Checks a user name and password, throttled, and audits every attempt (verb {@value #VERB},
 * cluster {@value #KUBEWARD}): success, failure and throttled alike.
 */
public final class SignIn {

  public static final String VERB = "auth.login";
  public static final String KUBEWARD = "kubeward";
  private static final int MAX_AUDITED_NAME = 64;

  private final UserStore users;
  private final PasswordHasher hasher;
  private final LoginThrottle throttle;
  private final AuditedAction audited;
  private final String dummyHash;

  public SignIn(
      UserStore users, PasswordHasher hasher, LoginThrottle throttle, AuditedAction audited) {
    this.users = users;
    this.hasher = hasher;
    this.throttle = throttle;
    this.audited = audited;
    // Unknown users cost a hash check too, so timing does not tell which names exist.
    this.dummyHash = hasher.hash("not a password of anybody");
  }

  /**
   * @return the signed-in user
   * @throws AuthException {@code auth.throttled}, {@code auth.invalid-credentials}
   */
  public UserAccount signIn(String username, String password, Origin origin, String address) {
    String name = username == null ? "" : username.strip();
    String audited = name.length() > MAX_AUDITED_NAME ? name.substring(0, MAX_AUDITED_NAME) : name;
    Caller caller = new Caller(new Principal(audited, List.of()), origin, address);
    return this.audited.runOwn(
        caller,
        new AuditedAction.Target(KUBEWARD, null, "User", audited),
        VERB,
        () -> AuditedAction.Outcome.of(check(name, password, address)));
  }

  private UserAccount check(String username, String password, String address) {
    Optional<Duration> wait = throttle.retryAfter(username, address);
    if (wait.isPresent()) {
      throw AuthException.throttled(wait.get());
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
    throttle.recordSuccess(username);
    return user.get();
  }
}
