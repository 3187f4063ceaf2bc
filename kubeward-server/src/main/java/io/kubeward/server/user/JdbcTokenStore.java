package io.kubeward.server.user;

import io.kubeward.access.domain.TokenScope;
import io.kubeward.server.persistence.Timestamps;
import io.kubeward.user.app.TokenStore;
import io.kubeward.user.domain.ApiToken;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Personal API tokens in table {@code api_tokens}; the secret only as its SHA-256. */
public final class JdbcTokenStore implements TokenStore {

  /** Uses closer together than this write {@code last_used_at} once. */
  static final Duration TOUCH_RESOLUTION = Duration.ofMinutes(1);

  private static final String COLUMNS =
      "id, user_id, name, created_at, expires_at, last_used_at, revoked_at, read_only,"
          + " cluster_name, namespace_names, can_create_tokens";

  private final JdbcClient jdbc;

  public JdbcTokenStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void create(ApiToken token, String secretHash) {
    jdbc.sql(
            "INSERT INTO api_tokens (id, user_id, name, secret_hash, created_at, expires_at,"
                + " read_only, cluster_name, namespace_names, can_create_tokens)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            token.id(),
            token.userId(),
            token.name(),
            secretHash,
            Timestamps.param(token.createdAt()),
            Timestamps.param(token.expiresAt()),
            token.scope().readOnly(),
            token.scope().cluster(),
            token.scope().namespaces().isEmpty()
                ? null
                : String.join(",", new TreeSet<>(token.scope().namespaces())),
            token.scope().canCreateTokens())
        .update();
  }

  @Override
  public List<ApiToken> listByUser(long userId) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM api_tokens WHERE user_id = ? AND revoked_at IS NULL"
                + " ORDER BY created_at DESC, id")
        .param(userId)
        .query(JdbcTokenStore::token)
        .list();
  }

  @Override
  public Optional<ApiToken> findBySecretHash(String secretHash) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM api_tokens WHERE secret_hash = ?")
        .param(secretHash)
        .query(JdbcTokenStore::token)
        .optional();
  }

  @Override
  public Optional<ApiToken> findById(String id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM api_tokens WHERE id = ?")
        .param(id)
        .query(JdbcTokenStore::token)
        .optional();
  }

  @Override
  public int revokeAll(long userId, Instant now) {
    return jdbc.sql("UPDATE api_tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL")
        .params(Timestamps.param(now), userId)
        .update();
  }

  @Override
  public boolean revoke(String id, long userId, Instant now) {
    return jdbc.sql(
                "UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND user_id = ?"
                    + " AND revoked_at IS NULL")
            .params(Timestamps.param(now), id, userId)
            .update()
        == 1;
  }

  @Override
  public void touch(String id, Instant now) {
    jdbc.sql(
            "UPDATE api_tokens SET last_used_at = ? WHERE id = ?"
                + " AND (last_used_at IS NULL OR last_used_at < ?)")
        .params(Timestamps.param(now), id, Timestamps.param(now.minus(TOUCH_RESOLUTION)))
        .update();
  }

  private static ApiToken token(ResultSet rs, int n) throws SQLException {
    return new ApiToken(
        rs.getString("id"),
        rs.getLong("user_id"),
        rs.getString("name"),
        Timestamps.read(rs, "created_at"),
        Timestamps.read(rs, "expires_at"),
        Timestamps.read(rs, "last_used_at"),
        Timestamps.read(rs, "revoked_at"),
        new TokenScope(
            rs.getBoolean("read_only"),
            rs.getString("cluster_name"),
            namespaces(rs.getString("namespace_names")),
            rs.getBoolean("can_create_tokens")));
  }

  private static Set<String> namespaces(String stored) {
    if (stored == null || stored.isBlank()) {
      return Set.of();
    }
    return Set.of(stored.split(","));
  }
}
