package io.kubeward.server.user;

import io.kubeward.access.domain.Grant;
import io.kubeward.access.domain.Role;
import io.kubeward.access.domain.Scope;
import io.kubeward.user.app.AuthException;
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
      List<Grant> parsed = new java.util.ArrayList<>(grants.size());
      for (int i = 0; i < grants.size(); i++) {
        if (grants.get(i) == null) {
          throw AuthException.invalidGrant("grant " + (i + 1) + " is null");
        }
        parsed.add(grants.get(i).toGrant());
      }
      return List.copyOf(parsed);
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
