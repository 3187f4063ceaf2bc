package io.kubeward.server.rightsizing;

import io.kubeward.rightsizing.app.RightsizingChange;
import io.kubeward.rightsizing.app.RightsizingChangeStore;
import io.kubeward.rightsizing.domain.ContainerRequests;
import io.kubeward.server.persistence.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/** The applied right-sizing changes ({@code rightsizing_changes}, Flyway V95). */
final class JdbcRightsizingChangeStore implements RightsizingChangeStore {

  private static final String COLUMNS =
      "id, cluster_name, namespace, workload_kind, workload_name, container_name,"
          + " before_cpu_request, before_mem_request, before_cpu_limit, before_mem_limit,"
          + " after_cpu_request, after_mem_request, after_cpu_limit, after_mem_limit,"
          + " applied_by, applied_at, reverted_by, reverted_at";

  private final JdbcClient jdbc;

  JdbcRightsizingChangeStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public RightsizingChange save(RightsizingChange c) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO rightsizing_changes (cluster_name, namespace, workload_kind,"
                + " workload_name, container_name, before_cpu_request, before_mem_request,"
                + " before_cpu_limit, before_mem_limit, after_cpu_request, after_mem_request,"
                + " after_cpu_limit, after_mem_limit, applied_by, applied_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            c.cluster(),
            c.namespace(),
            c.workloadKind(),
            c.workload(),
            c.container(),
            number(c.before().cpuRequest()),
            number(c.before().memoryRequest()),
            number(c.before().cpuLimit()),
            number(c.before().memoryLimit()),
            number(c.after().cpuRequest()),
            number(c.after().memoryRequest()),
            number(c.after().cpuLimit()),
            number(c.after().memoryLimit()),
            c.appliedBy(),
            Timestamps.param(c.appliedAt()))
        .update(key, "id");
    long id = key.getKeyAs(Number.class).longValue();
    return find(c.cluster(), id).orElseThrow();
  }

  @Override
  public Optional<RightsizingChange> find(String cluster, long id) {
    return jdbc.sql(
            "SELECT " + COLUMNS + " FROM rightsizing_changes WHERE cluster_name = ? AND id = ?")
        .params(cluster, id)
        .query((rs, row) -> read(rs))
        .optional();
  }

  @Override
  public boolean markReverted(String cluster, long id, String by, Instant at) {
    return jdbc.sql(
                "UPDATE rightsizing_changes SET reverted_by = ?, reverted_at = ?"
                    + " WHERE cluster_name = ? AND id = ? AND reverted_at IS NULL")
            .params(by, Timestamps.param(at), cluster, id)
            .update()
        == 1;
  }

  @Override
  public List<RightsizingChange> list(String cluster, int limit) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM rightsizing_changes WHERE cluster_name = ? ORDER BY id DESC LIMIT ?")
        .params(cluster, limit)
        .query((rs, row) -> read(rs))
        .list();
  }

  private static SqlParameterValue number(Long value) {
    return new SqlParameterValue(Types.BIGINT, value);
  }

  private static RightsizingChange read(ResultSet rs) throws SQLException {
    return new RightsizingChange(
        rs.getLong("id"),
        rs.getString("cluster_name"),
        rs.getString("namespace"),
        rs.getString("workload_kind"),
        rs.getString("workload_name"),
        rs.getString("container_name"),
        new ContainerRequests(
            nullable(rs, "before_cpu_request"),
            nullable(rs, "before_mem_request"),
            nullable(rs, "before_cpu_limit"),
            nullable(rs, "before_mem_limit")),
        new ContainerRequests(
            nullable(rs, "after_cpu_request"),
            nullable(rs, "after_mem_request"),
            nullable(rs, "after_cpu_limit"),
            nullable(rs, "after_mem_limit")),
        rs.getString("applied_by"),
        Timestamps.read(rs, "applied_at"),
        rs.getString("reverted_by"),
        Timestamps.read(rs, "reverted_at"));
  }

  private static Long nullable(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }
}
