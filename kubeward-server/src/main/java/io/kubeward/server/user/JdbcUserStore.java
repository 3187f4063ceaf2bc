package io.kubeward.server.user;

import io.kubeward.access.domain.AccessPolicy;
import io.kubeward.access.domain.Grant;
import io.kubeward.access.domain.Principal;
import io.kubeward.access.domain.Role;
import io.kubeward.access.domain.Scope;
import io.kubeward.server.persistence.Timestamps;
import io.kubeward.user.app.AuthException;
import io.kubeward.user.app.UserStore;
import io.kubeward.user.domain.UserAccount;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Users and grants in tables {@code users} and {@code user_grants}. Changes that can remove an
 * administrator run in one transaction holding the {@code users} row of {@code kubeward_locks}, so
 * two administrators demoting each other at once cannot leave none.
 */
public final class JdbcUserStore implements UserStore {

  private static final String COLUMNS =
      "id, username, password_hash, must_change_password, created_at, credential_epoch, disabled";

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;

  public JdbcUserStore(JdbcClient jdbc, TransactionTemplate tx) {
    this.jdbc = jdbc;
    this.tx = tx;
  }

  private record Row(
      long id,
      String username,
      String passwordHash,
      boolean mustChange,
      Instant createdAt,
      long epoch,
      boolean disabled) {}

  @Override
  public Optional<UserAccount> findByUsername(String username) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE username = ?")
        .param(username)
        .query(JdbcUserStore::row)
        .optional()
        .map(this::withGrants);
  }

  @Override
  public Optional<UserAccount> findById(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE id = ?")
        .param(id)
        .query(JdbcUserStore::row)
        .optional()
        .map(this::withGrants);
  }

  @Override
  public List<UserAccount> list() {
    List<Row> rows =
        jdbc.sql("SELECT " + COLUMNS + " FROM users ORDER BY username")
            .query(JdbcUserStore::row)
            .list();
    Map<Long, List<Grant>> grants = new HashMap<>();
    jdbc.sql("SELECT user_id, role, cluster_name, namespace_name FROM user_grants")
        .query(
            (rs, n) -> {
              grants.computeIfAbsent(rs.getLong("user_id"), k -> new ArrayList<>()).add(grant(rs));
              return null;
            })
        .list();
    // --- issue 18 sso ---
    Map<Long, List<String>> groups = new HashMap<>();
    jdbc.sql("SELECT user_id, group_name FROM user_kube_groups ORDER BY group_name")
        .query(
            (rs, n) -> {
              groups
                  .computeIfAbsent(rs.getLong("user_id"), k -> new ArrayList<>())
                  .add(rs.getString("group_name"));
              return null;
            })
        .list();
    return rows.stream()
        .map(
            r ->
                account(
                    r,
                    grants.getOrDefault(r.id(), List.of()),
                    groups.getOrDefault(r.id(), List.of())))
        .toList();
    // --- end issue 18 sso ---
  }

  @Override
  public boolean isEmpty() {
    return jdbc.sql("SELECT COUNT(*) FROM users").query(Long.class).single() == 0;
  }

  @Override
  public UserAccount create(
      String username,
      String passwordHash,
      boolean mustChangePassword,
      List<Grant> grants,
      Instant now) {
    return tx.execute(
        status -> {
          lockUsers();
          if (findByUsername(username).isPresent()) {
            throw AuthException.userExists(username);
          }
          KeyHolder key = new GeneratedKeyHolder();
          jdbc.sql(
                  "INSERT INTO users (username, password_hash, must_change_password, created_at,"
                      + " password_changed_at) VALUES (?, ?, ?, ?, ?)")
              .params(
                  username,
                  passwordHash,
                  mustChangePassword,
                  Timestamps.param(now),
                  Timestamps.param(now))
              .update(key, "id");
          long id = key.getKeyAs(Number.class).longValue();
          insertGrants(id, grants);
          return findById(id).orElseThrow();
        });
  }

  @Override
  public UserAccount setGrants(String username, List<Grant> grants) {
    return tx.execute(
        status -> {
          lockUsers();
          UserAccount user =
              findByUsername(username).orElseThrow(() -> AuthException.userNotFound(username));
          if (user.isAdmin()
              && !AccessPolicy.isAdmin(new Principal(username, grants))
              && otherAdmins(user.id()) == 0) {
            throw AuthException.lastAdmin(username);
          }
          jdbc.sql("DELETE FROM user_grants WHERE user_id = ?").param(user.id()).update();
          insertGrants(user.id(), grants);
          return findById(user.id()).orElseThrow();
        });
  }

  @Override
  public UserAccount setPassword(
      String username, String passwordHash, boolean mustChangePassword, Instant now) {
    int updated =
        jdbc.sql(
                "UPDATE users SET password_hash = ?, must_change_password = ?,"
                    + " password_changed_at = ?, credential_epoch = credential_epoch + 1"
                    + " WHERE username = ?")
            .params(passwordHash, mustChangePassword, Timestamps.param(now), username)
            .update();
    if (updated == 0) {
      throw AuthException.userNotFound(username);
    }
    return findByUsername(username).orElseThrow(() -> AuthException.userNotFound(username));
  }

  @Override
  public UserAccount endSessions(String username) {
    int updated =
        jdbc.sql("UPDATE users SET credential_epoch = credential_epoch + 1 WHERE username = ?")
            .param(username)
            .update();
    if (updated == 0) {
      throw AuthException.userNotFound(username);
    }
    return findByUsername(username).orElseThrow(() -> AuthException.userNotFound(username));
  }

  @Override
  public UserAccount setDisabled(String username, boolean disabled) {
    return tx.execute(
        status -> {
          lockUsers();
          UserAccount user =
              findByUsername(username).orElseThrow(() -> AuthException.userNotFound(username));
          if (disabled && user.isAdmin() && !user.disabled() && otherAdmins(user.id()) == 0) {
            throw AuthException.lastAdmin(username);
          }
          jdbc.sql(
                  "UPDATE users SET disabled = ?, credential_epoch = credential_epoch + ?"
                      + " WHERE id = ?")
              .params(disabled, disabled ? 1 : 0, user.id())
              .update();
          return findById(user.id()).orElseThrow();
        });
  }

  @Override
  public void delete(String username) {
    tx.executeWithoutResult(
        status -> {
          lockUsers();
          UserAccount user =
              findByUsername(username).orElseThrow(() -> AuthException.userNotFound(username));
          if (user.isAdmin() && otherAdmins(user.id()) == 0) {
            throw AuthException.lastAdmin(username);
          }
          // Explicit, not only ON DELETE CASCADE: the schema may be read by other tools.
          jdbc.sql("DELETE FROM api_tokens WHERE user_id = ?").param(user.id()).update();
          jdbc.sql("DELETE FROM user_grants WHERE user_id = ?").param(user.id()).update();
          // issue 18 sso: the user's mapped Kubernetes groups
          jdbc.sql("DELETE FROM user_kube_groups WHERE user_id = ?").param(user.id()).update();
          jdbc.sql("DELETE FROM users WHERE id = ?").param(user.id()).update();
        });
  }

  private void lockUsers() {
    jdbc.sql("SELECT name FROM kubeward_locks WHERE name = 'users' FOR UPDATE")
        .query(String.class)
        .single();
  }

  /** Enabled administrators other than {@code userId}. */
  private long otherAdmins(long userId) {
    return jdbc.sql(
            "SELECT COUNT(DISTINCT g.user_id) FROM user_grants g JOIN users u ON u.id = g.user_id"
                + " WHERE g.role = 'ADMIN' AND g.cluster_name = '*' AND g.namespace_name = '*'"
                + " AND u.disabled = FALSE AND g.user_id <> ?")
        .param(userId)
        .query(Long.class)
        .single();
  }

  private void insertGrants(long userId, List<Grant> grants) {
    for (Grant grant : new LinkedHashSet<>(grants)) {
      jdbc.sql(
              "INSERT INTO user_grants (user_id, role, cluster_name, namespace_name)"
                  + " VALUES (?, ?, ?, ?)")
          .params(userId, grant.role().name(), grant.scope().cluster(), grant.scope().namespace())
          .update();
    }
  }

  private UserAccount withGrants(Row row) {
    List<Grant> grants =
        jdbc.sql(
                "SELECT user_id, role, cluster_name, namespace_name FROM user_grants"
                    + " WHERE user_id = ? ORDER BY cluster_name, namespace_name, role")
            .param(row.id())
            .query((rs, n) -> grant(rs))
            .list();
    // --- issue 18 sso ---
    List<String> groups =
        jdbc.sql("SELECT group_name FROM user_kube_groups WHERE user_id = ? ORDER BY group_name")
            .param(row.id())
            .query(String.class)
            .list();
    return account(row, grants, groups);
    // --- end issue 18 sso ---
  }

  private static UserAccount account(Row row, List<Grant> grants, List<String> groups) {
    return new UserAccount(
        row.id(),
        row.username(),
        row.passwordHash(),
        row.mustChange(),
        row.createdAt(),
        grants,
        row.epoch(),
        row.disabled(),
        groups); // issue 18 sso
  }

  private static Row row(ResultSet rs, int n) throws SQLException {
    return new Row(
        rs.getLong("id"),
        rs.getString("username"),
        rs.getString("password_hash"),
        rs.getBoolean("must_change_password"),
        Timestamps.read(rs, "created_at"),
        rs.getLong("credential_epoch"),
        rs.getBoolean("disabled"));
  }

  private static Grant grant(ResultSet rs) throws SQLException {
    return new Grant(
        Role.valueOf(rs.getString("role")),
        new Scope(rs.getString("cluster_name"), rs.getString("namespace_name")));
  }
}
