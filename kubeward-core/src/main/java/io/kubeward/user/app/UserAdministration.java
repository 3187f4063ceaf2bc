package io.kubeward.user.app;

import io.kubeward.access.app.Authorizer;
import io.kubeward.access.app.Caller;
import io.kubeward.access.domain.Grant;
import io.kubeward.access.domain.Scope;
import io.kubeward.access.domain.Verb;
import io.kubeward.audit.app.AuditedAction;
import io.kubeward.user.domain.PasswordPolicy;
import io.kubeward.user.domain.UserAccount;
import io.kubeward.user.domain.Usernames;
import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Users and their grants, for administrators (ADMIN everywhere). Every change is authorized and
 * audited by {@link AuditedAction} (cluster {@value SignIn#KUBEWARD}, kind {@code User}), denials
 * included; Kubeward never ends up without an administrator.
 */
public final class UserAdministration {

  private static final Pattern NAMESPACE = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
  private static final Pattern CLUSTER = Pattern.compile("[^\\s/]{1,253}");

  private final UserStore users;
  private final TokenStore tokens;
  private final PasswordHasher hasher;
  private final AuditedAction audited;
  private final Clock clock;
  private final OpenSessions openSessions;

  public UserAdministration(
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

  public List<UserAccount> list(Caller caller) {
    Authorizer.require(caller, Verb.ADMINISTER, SignIn.KUBEWARD, null);
    return users.list();
  }

  public UserAccount create(Caller caller, String username, String password, List<Grant> grants) {
    return audited.run(
        caller,
        Verb.ADMINISTER,
        target(username),
        "user.create",
        () -> {
          if (!Usernames.isValid(username)) {
            throw AuthException.invalidUsername(username);
          }
          requireStrong(username, password);
          validate(grants);
          UserAccount created =
              users.create(username, hasher.hash(password), true, grants, clock.instant());
          return new AuditedAction.Outcome<>(created, "+grants: " + describe(grants));
        });
  }

  public UserAccount setGrants(Caller caller, String username, List<Grant> grants) {
    return audited.run(
        caller,
        Verb.ADMINISTER,
        target(username),
        "user.grants",
        () -> {
          validate(grants);
          UserAccount before =
              users
                  .findByUsername(username)
                  .orElseThrow(() -> AuthException.userNotFound(username));
          UserAccount after = users.setGrants(username, grants);
          String diff =
              "-grants: " + describe(before.grants()) + "\n+grants: " + describe(after.grants());
          if (!after.grants().containsAll(before.grants())) {
            // narrowed: sessions and streams made with the wider grants end (tokens stay: their
            // requests read the grants anew)
            after = users.endSessions(username);
            openSessions.endAll(after.id());
            diff += "\nsessions ended";
          }
          return new AuditedAction.Outcome<>(after, diff);
        });
  }

  /**
   * Sets a new password that the user must change at the next sign-in; every session of the user
   * ends and every API token is revoked.
   */
  public void resetPassword(Caller caller, String username, String password) {
    audited.run(
        caller,
        Verb.ADMINISTER,
        target(username),
        "user.password-reset",
        () -> {
          requireStrong(username, password);
          UserAccount user =
              users.setPassword(username, hasher.hash(password), true, clock.instant());
          int revoked = tokens.revokeAll(user.id(), clock.instant());
          openSessions.endAll(user.id());
          return new AuditedAction.Outcome<>(
              null, "sessions ended, " + revoked + " API tokens revoked");
        });
  }

  /**
   * Disables the user: no sign-in, every session ends, every API token is revoked (enabling again
   * does not bring them back). Never the last enabled administrator.
   */
  public UserAccount disable(Caller caller, String username) {
    return audited.run(
        caller,
        Verb.ADMINISTER,
        target(username),
        "user.disable",
        () -> {
          UserAccount user = users.setDisabled(username, true);
          int revoked = tokens.revokeAll(user.id(), clock.instant());
          openSessions.endAll(user.id());
          return new AuditedAction.Outcome<>(
              user, "+disabled\nsessions ended, " + revoked + " API tokens revoked");
        });
  }

  /** Lets a disabled user sign in again (with the password they had). */
  public UserAccount enable(Caller caller, String username) {
    return audited.run(
        caller,
        Verb.ADMINISTER,
        target(username),
        "user.enable",
        () -> new AuditedAction.Outcome<>(users.setDisabled(username, false), "-disabled"));
  }

  /** Deletes the user with grants and tokens; their sessions and streams end. */
  public void delete(Caller caller, String username) {
    audited.run(
        caller,
        Verb.ADMINISTER,
        target(username),
        "user.delete",
        () -> {
          UserAccount user =
              users
                  .findByUsername(username)
                  .orElseThrow(() -> AuthException.userNotFound(username));
          users.delete(username);
          openSessions.endAll(user.id());
          return AuditedAction.Outcome.of(null);
        });
  }

  private static AuditedAction.Target target(String username) {
    return new AuditedAction.Target(SignIn.KUBEWARD, null, "User", username);
  }

  private static void requireStrong(String username, String password) {
    PasswordPolicy.violation(username, password)
        .ifPresent(
            reason -> {
              throw AuthException.passwordTooWeak(reason);
            });
  }

  static void validate(List<Grant> grants) {
    if (grants == null) {
      throw AuthException.invalidGrant("grants are missing");
    }
    if (grants.size() > 100) {
      throw AuthException.invalidGrant("at most 100 grants per user");
    }
    for (Grant grant : grants) {
      Scope scope = grant.scope();
      if (!CLUSTER.matcher(scope.cluster()).matches()) {
        throw AuthException.invalidGrant("cluster \"" + scope.cluster() + "\"");
      }
      if (!scope.coversAllNamespaces() && !NAMESPACE.matcher(scope.namespace()).matches()) {
        throw AuthException.invalidGrant("namespace \"" + scope.namespace() + "\"");
      }
    }
  }

  static boolean isValidClusterName(String name) {
    return name != null && CLUSTER.matcher(name).matches() && !name.equals(Scope.ANY);
  }

  static boolean isValidNamespaceName(String name) {
    return name != null && NAMESPACE.matcher(name).matches();
  }

  /** {@code viewer@prod/team-a, admin@*\/*}: short and stable, for audit diffs. */
  static String describe(List<Grant> grants) {
    return grants.stream()
        .map(
            g ->
                g.role().name().toLowerCase(java.util.Locale.ROOT)
                    + "@"
                    + g.scope().cluster()
                    + "/"
                    + g.scope().namespace())
        .sorted()
        .toList()
        .toString();
  }
}
