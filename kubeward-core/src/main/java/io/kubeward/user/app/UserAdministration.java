package io.kubeward.user.app;

import io.kubeward.access.app.Authorizer;
import io.kubeward.access.app.Caller;
import io.kubeward.access.domain.Grant;
import io.kubeward.access.domain.Scope;
import io.kubeward.access.domain.Verb;
import io.kubeward.audit.app.AuditedAction;
import io.kubeward.common.KubewardException;
import io.kubeward.common.Names;
import io.kubeward.user.domain.GrantBindings;
import io.kubeward.user.domain.PasswordPolicy;
import io.kubeward.user.domain.UserAccount;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Users and their grants, for administrators (ADMIN everywhere). Every change is authorized and
 * audited by {@link AuditedAction} (cluster {@value SignIn#KUBEWARD}, kind {@code User}), denials
 * included; Kubeward never ends up without an administrator.
 */
public final class UserAdministration {

  private final UserStore users;
  private final ClusterGrants clusterGrants;
  private final TokenStore tokens;
  private final PasswordHasher hasher;
  private final AuditedAction audited;
  private final Clock clock;
  private final OpenSessions openSessions;

  public UserAdministration(
      UserStore users,
      ClusterGrants clusterGrants,
      TokenStore tokens,
      PasswordHasher hasher,
      AuditedAction audited,
      Clock clock,
      OpenSessions openSessions) {
    this.users = users;
    this.clusterGrants = clusterGrants;
    this.tokens = tokens;
    this.hasher = hasher;
    this.audited = audited;
    this.clock = clock;
    this.openSessions = openSessions;
  }

  public List<UserAccount> list(Caller caller) {
    Authorizer.requireAdmin(caller);
    return users.list();
  }

  /**
   * A user as changed, with what each cluster's RBAC bindings became: the grants are saved in any
   * case; a cluster that refused its bindings says why (e.g. the administrator may not bind the
   * role there), so the administrator sees exactly where the grant has no effect.
   */
  public record GrantsResult(UserAccount user, List<ClusterGrants.Sync> clusters) {}

  /**
   * A user's grant bindings as they are in one cluster, or why they cannot be read ({@code error},
   * null when they could).
   */
  public record ClusterBindings(
      String cluster,
      List<GrantBindings.Binding> bindings,
      List<GrantBindings.Binding> desired,
      @Nullable String error) {}

  public GrantsResult create(Caller caller, String username, String password, List<Grant> grants) {
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
          List<ClusterGrants.Sync> synced = sync(caller, username, List.of(), grants);
          return new AuditedAction.Outcome<>(
              new GrantsResult(created, synced), "+grants: " + describe(grants) + changes(synced));
        });
  }

  public GrantsResult setGrants(Caller caller, String username, List<Grant> grants) {
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
          List<ClusterGrants.Sync> synced = sync(caller, username, before.grants(), grants);
          String diff =
              "-grants: "
                  + describe(before.grants())
                  + "\n+grants: "
                  + describe(after.grants())
                  + changes(synced);
          if (!after.grants().containsAll(before.grants())) {
            // narrowed: sessions and streams made with the wider grants end (tokens stay: their
            // requests read the grants anew)
            after = users.endSessions(username);
            openSessions.endAll(after.id());
            diff += "\nsessions ended";
          }
          return new AuditedAction.Outcome<>(new GrantsResult(after, synced), diff);
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
          UserAccount before =
              users
                  .findByUsername(username)
                  .orElseThrow(() -> AuthException.userNotFound(username));
          users.delete(username);
          openSessions.endAll(before.id());
          List<ClusterGrants.Sync> synced = sync(caller, username, before.grants(), List.of());
          return new AuditedAction.Outcome<>(null, changes(synced).strip());
        });
  }

  /** The user's grant bindings in every cluster, next to what the grants call for. */
  public List<ClusterBindings> bindings(Caller caller, String username) {
    Authorizer.requireAdmin(caller);
    UserAccount user =
        users.findByUsername(username).orElseThrow(() -> AuthException.userNotFound(username));
    List<ClusterBindings> all = new ArrayList<>();
    for (String cluster : clusterGrants.clusters()) {
      List<GrantBindings.Binding> desired = GrantBindings.desired(username, user.grants(), cluster);
      try {
        all.add(
            new ClusterBindings(
                cluster, clusterGrants.current(caller, cluster, username), desired, null));
      } catch (KubewardException e) {
        all.add(new ClusterBindings(cluster, List.of(), desired, e.getMessage()));
      }
    }
    return all;
  }

  /**
   * Brings the bindings of every cluster that the old or the new grants concern in line with the
   * new grants.
   */
  private List<ClusterGrants.Sync> sync(
      Caller caller, String username, List<Grant> before, List<Grant> after) {
    List<ClusterGrants.Sync> synced = new ArrayList<>();
    for (String cluster : clusterGrants.clusters()) {
      if (!concerns(before, cluster) && !concerns(after, cluster)) {
        continue;
      }
      synced.add(
          clusterGrants.sync(
              caller, cluster, username, GrantBindings.desired(username, after, cluster)));
    }
    return synced;
  }

  /**
   * Makes the bindings of every user's grants in {@code cluster} (e.g. one just added), as {@code
   * caller}.
   */
  public List<ClusterGrants.Sync> syncCluster(Caller caller, String cluster) {
    Authorizer.requireAdmin(caller);
    List<ClusterGrants.Sync> synced = new ArrayList<>();
    for (UserAccount user : users.list()) {
      List<GrantBindings.Binding> desired =
          GrantBindings.desired(user.username(), user.grants(), cluster);
      if (!desired.isEmpty()) {
        synced.add(clusterGrants.sync(caller, cluster, user.username(), desired));
      }
    }
    return synced;
  }

  private static boolean concerns(List<Grant> grants, String cluster) {
    return grants.stream().anyMatch(g -> g.scope().coversCluster(cluster));
  }

  /** The bindings' changes and failures, as lines of the audit diff. */
  private static String changes(List<ClusterGrants.Sync> synced) {
    StringBuilder lines = new StringBuilder();
    for (ClusterGrants.Sync sync : synced) {
      sync.created()
          .forEach(b -> lines.append("\n+").append(sync.cluster()).append(": ").append(b));
      sync.removed()
          .forEach(b -> lines.append("\n-").append(sync.cluster()).append(": ").append(b));
      if (sync.error() != null) {
        lines.append("\n!").append(sync.cluster()).append(": ").append(sync.error());
      }
    }
    return lines.toString();
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
