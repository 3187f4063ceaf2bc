package io.kubeward.server.user;

import io.kubeward.access.domain.Grant;
import io.kubeward.access.domain.Role;
import io.kubeward.access.domain.Scope;
import io.kubeward.access.domain.TokenScope;
import io.kubeward.user.app.AuthException;
import io.kubeward.user.app.ClusterGrants;
import io.kubeward.user.app.UserAdministration;
import io.kubeward.user.domain.ApiToken;
import io.kubeward.user.domain.UserAccount;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The JSON shapes of docs/API.md for sign-in, users and tokens. */
final class UserJson {

  private UserJson() {}

  /** {@code {"role":"viewer|operator|admin","cluster":"<name>|*","namespace":"<name>|*"}}. */
  @Schema(name = "Grant")
  record GrantJson(
      @Schema(allowableValues = {"viewer", "operator", "admin"}) String role,
      @Schema(description = "A cluster name or * (all)") String cluster,
      @Schema(description = "A namespace or * (all)") String namespace) {

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
      String username,
      List<GrantJson> grants,
      boolean mustChangePassword,
      boolean disabled,
      Instant createdAt) {
    static User of(UserAccount user) {
      return new User(
          user.username(),
          user.grants().stream().map(GrantJson::of).toList(),
          user.mustChangePassword(),
          user.disabled(),
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

  /**
   * A token's scope as shown and asked for: {@code cluster} {@code null} for any, {@code
   * namespaces} empty for all of the cluster.
   */
  record ScopeJson(
      boolean readOnly,
      @Nullable String cluster,
      List<String> namespaces,
      boolean canCreateTokens) {
    static ScopeJson of(TokenScope scope) {
      return new ScopeJson(
          scope.readOnly(),
          scope.cluster(),
          scope.namespaces().stream().sorted().toList(),
          scope.canCreateTokens());
    }
  }

  @Schema(name = "ApiToken")
  record Token(
      String id,
      String name,
      Instant createdAt,
      Instant expiresAt,
      @Nullable Instant lastUsedAt,
      boolean readOnly,
      @Nullable String cluster,
      List<String> namespaces,
      boolean canCreateTokens) {
    static Token of(ApiToken token) {
      ScopeJson scope = ScopeJson.of(token.scope());
      return new Token(
          token.id(),
          token.name(),
          token.createdAt(),
          token.expiresAt(),
          token.lastUsedAt(),
          scope.readOnly(),
          scope.cluster(),
          scope.namespaces(),
          scope.canCreateTokens());
    }
  }

  record CreatedToken(
      String id,
      String name,
      Instant expiresAt,
      String token,
      boolean readOnly,
      @Nullable String cluster,
      List<String> namespaces,
      boolean canCreateTokens) {}

  record LoginRequest(String username, String password) {}

  /**
   * @param revokeTokens also revoke every API token of the user; {@code null} (absent) means yes
   */
  record PasswordChange(
      String currentPassword, String newPassword, @Nullable Boolean revokeTokens) {}

  /**
   * @param readOnly {@code null}: false
   * @param cluster {@code null}: any cluster
   * @param namespaces {@code null} or empty: every namespace (needs {@code cluster} otherwise)
   * @param canCreateTokens {@code null}: false
   */
  record TokenRequest(
      String name,
      @Nullable Integer expiresInDays,
      @Nullable Boolean readOnly,
      @Nullable String cluster,
      @Nullable List<String> namespaces,
      @Nullable Boolean canCreateTokens) {

    TokenScope scope() {
      if (namespaces != null && namespaces.size() > TokenScope.MAX_NAMESPACES) {
        throw AuthException.invalidTokenRequest(
            "at most " + TokenScope.MAX_NAMESPACES + " namespaces");
      }
      if (namespaces != null && namespaces.stream().anyMatch(java.util.Objects::isNull)) {
        throw AuthException.invalidTokenRequest("a namespace is null");
      }
      boolean someNamespaces = namespaces != null && !namespaces.isEmpty();
      if (someNamespaces && (cluster == null || cluster.isBlank())) {
        throw AuthException.invalidTokenRequest("namespaces need a cluster");
      }
      return new TokenScope(
          Boolean.TRUE.equals(readOnly),
          cluster == null || cluster.isBlank() ? null : cluster,
          someNamespaces ? Set.copyOf(namespaces) : Set.of(),
          Boolean.TRUE.equals(canCreateTokens));
    }
  }

  record NewUser(String username, String password, List<GrantJson> grants) {}

  record PasswordReset(String password) {}
}
