package io.kubeward.server.exec;

import io.kubeward.exec.app.ExecSettingsStore;
import java.sql.Timestamp;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Each cluster's exec switch ({@code kubeward_exec_settings}, Flyway V72). */
final class JdbcExecSettingsStore implements ExecSettingsStore {

  private final JdbcClient jdbc;

  JdbcExecSettingsStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<Stored> find(String cluster) {
    return jdbc.sql(
            "SELECT cluster_name, enabled, updated_by, updated_at FROM kubeward_exec_settings"
                + " WHERE cluster_name = ?")
        .params(cluster)
        .query(
            (rs, row) ->
                new Stored(
                    rs.getString("cluster_name"),
                    rs.getBoolean("enabled"),
                    rs.getString("updated_by"),
                    rs.getTimestamp("updated_at").toInstant()))
        .optional();
  }

  @Override
  public void save(Stored stored) {
    Object[] values = {
      stored.enabled(), stored.updatedBy(), Timestamp.from(stored.updatedAt()), stored.cluster()
    };
    int updated =
        jdbc.sql(
                "UPDATE kubeward_exec_settings SET enabled = ?, updated_by = ?, updated_at = ?"
                    + " WHERE cluster_name = ?")
            .params(values)
            .update();
    if (updated == 0) {
      jdbc.sql(
              "INSERT INTO kubeward_exec_settings (enabled, updated_by, updated_at, cluster_name)"
                  + " VALUES (?, ?, ?, ?)")
          .params(values)
          .update();
    }
  }
}
