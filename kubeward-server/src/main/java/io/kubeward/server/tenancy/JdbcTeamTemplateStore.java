package io.kubeward.server.tenancy;

import io.kubeward.tenancy.app.TeamTemplateStore;
import io.kubeward.tenancy.domain.TeamTemplate;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** The admin team templates ({@code team_templates}, Flyway V93), each a JSON document. */
final class JdbcTeamTemplateStore implements TeamTemplateStore {

  private static final String COLUMNS =
      "SELECT name, body, updated_by, updated_at FROM team_templates";
  private final JdbcClient jdbc;
  private final JsonMapper json;

  JdbcTeamTemplateStore(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  @Override
  public List<Stored> all() {
    return jdbc.sql(COLUMNS + " ORDER BY name").query(this::row).list();
  }

  @Override
  public Optional<Stored> find(String name) {
    return jdbc.sql(COLUMNS + " WHERE name = ?").params(name).query(this::row).optional();
  }

  @Override
  public void save(Stored stored) {
    Object[] values = {
      json.writeValueAsString(stored.template()),
      stored.updatedBy(),
      Timestamp.from(stored.updatedAt()),
      stored.template().name()
    };
    int updated =
        jdbc.sql(
                "UPDATE team_templates SET body = ?, updated_by = ?, updated_at = ? WHERE name = ?")
            .params(values)
            .update();
    if (updated == 0) {
      jdbc.sql(
              "INSERT INTO team_templates (body, updated_by, updated_at, name) VALUES (?, ?, ?, ?)")
          .params(values)
          .update();
    }
  }

  @Override
  public boolean delete(String name) {
    return jdbc.sql("DELETE FROM team_templates WHERE name = ?").params(name).update() > 0;
  }

  private Stored row(ResultSet rs, int row) throws SQLException {
    return new Stored(
        json.readValue(rs.getString("body"), TeamTemplate.class),
        rs.getString("updated_by"),
        rs.getTimestamp("updated_at").toInstant());
  }
}
