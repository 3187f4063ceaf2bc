package io.kubeward.server.posture;

import io.kubeward.posture.app.ExceptionStore;
import io.kubeward.posture.domain.Check;
import io.kubeward.posture.domain.PostureException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Posture exceptions ({@code posture_exceptions}, Flyway V97). */
final class JdbcPostureExceptionStore implements ExceptionStore {

  private static final String COLUMNS =
      "id, cluster_name, check_id, scope, namespace, kind, object_name, reason, expires_at,"
          + " created_by, created_at";

  private final JdbcClient jdbc;

  JdbcPostureExceptionStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  private static PostureException read(ResultSet rs) throws SQLException {
    return new PostureException(
        rs.getString("id"),
        rs.getString("cluster_name"),
        Check.fromWire(rs.getString("check_id")),
        PostureException.Scope.fromWire(rs.getString("scope")),
        rs.getString("namespace"),
        rs.getString("kind"),
        rs.getString("object_name"),
        rs.getString("reason"),
        rs.getTimestamp("expires_at").toInstant(),
        rs.getString("created_by"),
        rs.getTimestamp("created_at").toInstant());
  }

  @Override
  public List<PostureException> list(String cluster, int limit) {
    return jdbc
        .sql(
            "SELECT "
                + COLUMNS
                + " FROM posture_exceptions WHERE cluster_name = ?"
                + " ORDER BY created_at DESC, id LIMIT ?")
        .params(cluster, limit)
        .query((rs, row) -> read(rs))
        .list()
        .stream()
        .filter(e -> e.check() != null && e.scope() != null)
        .toList();
  }

  @Override
  public Optional<PostureException> find(String cluster, String id) {
    return jdbc.sql(
            "SELECT " + COLUMNS + " FROM posture_exceptions WHERE cluster_name = ? AND id = ?")
        .params(cluster, id)
        .query((rs, row) -> read(rs))
        .optional();
  }

  @Override
  public void insert(PostureException e) {
    jdbc.sql(
            "INSERT INTO posture_exceptions ("
                + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            e.id(),
            e.cluster(),
            e.check().wireName(),
            e.scope().wireName(),
            e.namespace(),
            e.kind(),
            e.name(),
            e.reason(),
            Timestamp.from(e.expiresAt()),
            e.createdBy(),
            Timestamp.from(e.createdAt()))
        .update();
  }

  @Override
  public boolean delete(String cluster, String id) {
    return jdbc.sql("DELETE FROM posture_exceptions WHERE cluster_name = ? AND id = ?")
            .params(cluster, id)
            .update()
        > 0;
  }
}
