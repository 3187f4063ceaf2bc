package io.kubeward.server.user;

import io.kubeward.access.domain.Grant;
import io.kubeward.access.domain.Role;
import io.kubeward.access.domain.Scope;
import io.kubeward.user.app.AuthException;
import io.kubeward.user.app.ClusterGrants;
import io.kubeward.user.app.UserAdministration;
import io.kubeward.user.domain.ApiToken;
import io.kubeward.user.domain.UserAccount;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** The JSON shapes of docs/API.md for sign-in, users and tokens. */
final class UserJson {

  private UserJson() {}

  /** {@code {"role":"viewer|operator|admin","cluster":"<name>|*","namespace":"<name>|*"}}. */
  record GrantJson(String role, String cluster, String namespace) {

    static GrantJson of(Grant grant) {
      return new GrantJson(
          grant.role().name().toLowerCase(Locale.ROOT),
          grant.scope().cluster(),
          grant.scope().namespace());
    }

    Grant toGrant() {
      Role parsed;
      try {
        parsed = Role.valueOf(String.valueOf(role).toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw AuthException.invalidGrant("role \"" + role + "\" (viewer, operator or admin)");
      }
      if (cluster == null || cluster.isBlank() || namespace == null || namespace.isBlank()) {
        throw AuthException.invalidGrant("cluster and namespace are required; * means all");
      }
      return new Grant(parsed, new Scope(cluster, namespace));
    }

    static List<Grant> toGrants(List<GrantJson> grants) {
      if (grants == null) {
        throw AuthException.invalidGrant("grants are missing");
      }
      return grants.stream().map(GrantJson::toGrant).toList();
    }
  }

  record Me(String username, boolean admin, boolean mustChangePassword, List<GrantJson> grants) {
    static Me of(UserAccount user) {
      return new Me(
          user.username(),
          user.isAdmin(),
          user.mustChangePassword(),
          user.grants().stream().map(GrantJson::of).toList());
    }
  }

  record User(
      String username, List<GrantJson> grants, boolean mustChangePassword, Instant createdAt) {
    static User of(UserAccount user) {
      return new User(
          user.username(),
          user.grants().stream().map(GrantJson::of).toList(),
          user.mustChangePassword(),
          user.createdAt());
    }
  }

  /**
   * A user as changed, with what each concerned cluster's RBAC bindings became ({@code error} says
   * why a cluster refused them).
   */
  record UserChange(
      String username,
      List<GrantJson> grants,
      boolean mustChangePassword,
      Instant createdAt,
      List<ClusterGrants.Sync> clusters) {
    static UserChange of(UserAdministration.GrantsResult result) {
      User user = User.of(result.user());
      return new UserChange(
          user.username(),
          user.grants(),
          user.mustChangePassword(),
          user.createdAt(),
          result.clusters());
    }
  }

  record Token(String id, String name, Instant createdAt, Instant expiresAt, Instant lastUsedAt) {
    static Token of(ApiToken token) {
      return new Token(
          token.id(), token.name(), token.createdAt(), token.expiresAt(), token.lastUsedAt());
    }
  }

  record CreatedToken(String id, String name, Instant expiresAt, String token) {}

  record LoginRequest(String username, String password) {}

  record PasswordChange(String currentPassword, String newPassword) {}

  record TokenRequest(String name, Integer expiresInDays) {}

  record NewUser(String username, String password, List<GrantJson> grants) {}

  record PasswordReset(String password) {}
}
