package io.kubeward.server.sso;

import io.kubeward.access.domain.Grant;
import io.kubeward.server.persistence.Timestamps;
import io.kubeward.sso.app.SsoException;
import io.kubeward.sso.app.SsoUsers;
import io.kubeward.sso.domain.Mapped;
import io.kubeward.user.app.UserStore;
import io.kubeward.user.domain.UserAccount;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Single sign-on users in table {@code users} (source {@code sso}, a password hash no hasher
 * accepts), their grants in {@code user_grants} and Kubernetes groups in {@code user_kube_groups}:
 * replaced in one transaction holding the {@code users} lock, like the user store's changes.
 */
final class JdbcSsoUsers implements SsoUsers {

  /** Not a bcrypt hash: the password check of a local sign-in always fails for it. */
  static final String NO_PASSWORD = "!sso";

  static final String SOURCE = "sso";

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final UserStore users;

  JdbcSsoUsers(JdbcClient jdbc, TransactionTemplate tx, UserStore users) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.users = users;
  }

  @Override
  public UserAccount provision(String username, Mapped mapped, Instant now) {
    return tx.execute(
        status -> {
          jdbc.sql("SELECT name FROM kubeward_locks WHERE name = 'users' FOR UPDATE")
              .query(String.class)
              .single();
          Optional<String> source =
              jdbc.sql("SELECT source FROM users WHERE username = ?")
                  .param(username)
                  .query(String.class)
                  .optional();
          if (source.isPresent() && !SOURCE.equals(source.get())) {
            throw SsoException.localUser(username);
          }
          long id = source.isPresent() ? idOf(username) : insert(username, now);
          // a password an administrator may have set in between never stays: no local sign-in
          jdbc.sql("UPDATE users SET password_hash = ?, must_change_password = FALSE WHERE id = ?")
              .params(NO_PASSWORD, id)
              .update();
          jdbc.sql("DELETE FROM user_grants WHERE user_id = ?").param(id).update();
          jdbc.sql("DELETE FROM user_kube_groups WHERE user_id = ?").param(id).update();
          for (Grant grant : mapped.grants()) {
            jdbc.sql(
                    "INSERT INTO user_grants (user_id, role, cluster_name, namespace_name)"
                        + " VALUES (?, ?, ?, ?)")
                .params(id, grant.role().name(), grant.scope().cluster(), grant.scope().namespace())
                .update();
          }
          for (String group : mapped.kubernetesGroups()) {
            jdbc.sql("INSERT INTO user_kube_groups (user_id, group_name) VALUES (?, ?)")
                .params(id, group)
                .update();
          }
          return users.findById(id).orElseThrow();
        });
  }

  /** Whether the user was made by single sign-on. */
  boolean isSsoUser(long userId) {
    return jdbc.sql("SELECT source FROM users WHERE id = ?")
        .param(userId)
        .query(String.class)
        .optional()
        .filter(SOURCE::equals)
        .isPresent();
  }

  private long idOf(String username) {
    return jdbc.sql("SELECT id FROM users WHERE username = ?")
        .param(username)
        .query(Long.class)
        .single();
  }

  private long insert(String username, Instant now) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO users (username, password_hash, must_change_password, created_at,"
                + " password_changed_at, source) VALUES (?, ?, FALSE, ?, ?, ?)")
        .params(username, NO_PASSWORD, Timestamps.param(now), Timestamps.param(now), SOURCE)
        .update(key, "id");
    return key.getKeyAs(Number.class).longValue();
  }
}
