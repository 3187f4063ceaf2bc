package io.kubeward.server.alert.routing;

import io.kubeward.alert.app.routing.SilenceStore;
import io.kubeward.alert.domain.routing.Silence;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Silences ({@code kubeward_silence}). */
final class JdbcSilenceStore implements SilenceStore {

  private static final String COLUMNS =
      "id, cluster_name, matchers, starts_at, ends_at, comment, created_by, created_at,"
          + " updated_by, updated_at";
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final JsonMapper json;

  JdbcSilenceStore(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  private Silence read(ResultSet rs) throws SQLException {
    Timestamp updated = rs.getTimestamp("updated_at");
    return new Silence(
        rs.getString("id"),
        json.readValue(rs.getString("matchers"), STRINGS),
        rs.getTimestamp("starts_at").toInstant(),
        rs.getTimestamp("ends_at").toInstant(),
        rs.getString("comment"),
        rs.getString("created_by"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getString("updated_by"),
        updated == null ? null : updated.toInstant());
  }

  @Override
  public List<Silence> list(int limit) {
    return jdbc.sql(
            "SELECT " + COLUMNS + " FROM kubeward_silence ORDER BY created_at DESC, id LIMIT ?")
        .params(limit)
        .query((rs, row) -> read(rs))
        .list();
  }

  @Override
  public List<Silence> unexpired(Instant now) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM kubeward_silence WHERE ends_at > ?")
        .params(Timestamp.from(now))
        .query((rs, row) -> read(rs))
        .list();
  }

  @Override
  public Optional<Silence> find(String id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM kubeward_silence WHERE id = ?")
        .params(id)
        .query((rs, row) -> read(rs))
        .optional();
  }

  @Override
  public void insert(Silence s) {
    jdbc.sql(
            "INSERT INTO kubeward_silence (cluster_name, matchers, starts_at, ends_at, comment,"
                + " created_by, created_at, updated_by, updated_at, id)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(values(s))
        .update();
  }

  @Override
  public boolean update(Silence s) {
    return jdbc.sql(
                "UPDATE kubeward_silence SET cluster_name = ?, matchers = ?, starts_at = ?,"
                    + " ends_at = ?, comment = ?, created_by = ?, created_at = ?, updated_by = ?,"
                    + " updated_at = ? WHERE id = ?")
            .params(values(s))
            .update()
        > 0;
  }

  private Object[] values(Silence s) {
    return new Object[] {
      s.cluster().orElse(null),
      json.writeValueAsString(s.matcherTexts()),
      Timestamp.from(s.startsAt()),
      Timestamp.from(s.endsAt()),
      s.comment(),
      s.createdBy(),
      Timestamp.from(s.createdAt()),
      s.updatedBy(),
      s.updatedAt() == null ? null : Timestamp.from(s.updatedAt()),
      s.id()
    };
  }

  @Override
  public int purgeExpired(Instant before) {
    return jdbc.sql("DELETE FROM kubeward_silence WHERE ends_at < ?")
        .params(Timestamp.from(before))
        .update();
  }
}
