package io.kubeward.user.app;

import io.kubeward.access.app.Authorizer;
import io.kubeward.access.app.Caller;
import io.kubeward.access.domain.Grant;
import io.kubeward.access.domain.Scope;
import io.kubeward.access.domain.Verb;
import io.kubeward.audit.app.AuditedAction;
import io.kubeward.common.Names;
import io.kubeward.user.domain.PasswordPolicy;
import io.kubeward.user.domain.UserAccount;
import java.time.Clock;
import java.util.List;

/**
 * Users and their grants, for administrators (ADMIN everywhere). Every change is authorized and
 * audited by {@link AuditedAction} (cluster {@value SignIn#KUBEWARD}, kind {@code User}), denials
 * included; Kubeward never ends up without an administrator.
 */
public final class UserAdministration {

  private final UserStore users;
  private final PasswordHasher hasher;
  private final AuditedAction audited;
  private final Clock clock;

  public UserAdministration(
      UserStore users, PasswordHasher hasher, AuditedAction audited, Clock clock) {
    this.users = users;
    this.hasher = hasher;
    this.audited = audited;
    this.clock = clock;
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
          if (!Names.isUsername(username)) {
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
          return new AuditedAction.Outcome<>(
              after,
              "-grants: " + describe(before.grants()) + "\n+grants: " + describe(after.grants()));
        });
  }

  /** Sets a new password that the user must change at the next sign-in. */
  public void resetPassword(Caller caller, String username, String password) {
    audited.run(
        caller,
        Verb.ADMINISTER,
        target(username),
        "user.password-reset",
        () -> {
          requireStrong(username, password);
          users.setPassword(username, hasher.hash(password), true, clock.instant());
          return AuditedAction.Outcome.of(null);
        });
  }

  public void delete(Caller caller, String username) {
    audited.run(
        caller,
        Verb.ADMINISTER,
        target(username),
        "user.delete",
        () -> {
          users.delete(username);
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
      if (!Scope.ANY.equals(scope.cluster()) && !Names.isClusterName(scope.cluster())) {
        throw AuthException.invalidGrant("cluster \"" + scope.cluster() + "\"");
      }
      if (!scope.coversAllNamespaces() && !Names.isNamespace(scope.namespace())) {
        throw AuthException.invalidGrant("namespace \"" + scope.namespace() + "\"");
      }
    }
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
