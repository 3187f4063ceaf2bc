package io.kubeward.server.diagnostics;

import io.kubeward.diagnostics.app.FindingHistory;
import io.kubeward.diagnostics.domain.Bilingual;
import io.kubeward.diagnostics.domain.Evidence;
import io.kubeward.diagnostics.domain.Finding;
import io.kubeward.diagnostics.domain.FindingFilter;
import io.kubeward.diagnostics.domain.ObjectRef;
import io.kubeward.diagnostics.domain.RuleId;
import io.kubeward.diagnostics.domain.Severity;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** Resolved findings in {@code kubeward_finding} (ADR 0029); what users read is one JSON body. */
final class JdbcFindingHistory implements FindingHistory {

  /** What users read, stored as JSON. */
  record Body(
      Bilingual title, Bilingual explanation, List<Evidence> evidence, Bilingual suggestedFix) {}

  private final JdbcClient jdbc;
  private final JsonMapper json;

  JdbcFindingHistory(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  @Override
  public void saveResolved(Finding f) {
    String body =
        json.writeValueAsString(
            new Body(f.title(), f.explanation(), f.evidence(), f.suggestedFix()));
    jdbc.sql(
            "INSERT INTO kubeward_finding (id, cluster_name, rule_id, severity, subject_kind,"
                + " subject_namespace, subject_name, first_seen, last_seen, resolved_at, body)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            f.id(),
            f.cluster(),
            f.rule().value(),
            f.severity().name(),
            f.subject().kind(),
            f.subject().namespace(),
            f.subject().name(),
            Timestamp.from(f.firstSeen()),
            Timestamp.from(f.lastSeen()),
            Timestamp.from(f.resolvedAt()),
            body)
        .update();
  }

  @Override
  public List<Finding> resolved(String cluster, FindingFilter filter, int limit) {
    StringBuilder sql =
        new StringBuilder(
            "SELECT id, cluster_name, rule_id, severity, subject_kind, subject_namespace,"
                + " subject_name, first_seen, last_seen, resolved_at, body FROM kubeward_finding"
                + " WHERE cluster_name = ?");
    List<Object> params = new ArrayList<>();
    params.add(cluster);
    if (filter.rule() != null) {
      sql.append(" AND rule_id = ?");
      params.add(filter.rule().value());
    }
    if (filter.namespace() != null) {
      sql.append(" AND subject_namespace = ?");
      params.add(filter.namespace());
    }
    if (filter.kind() != null) {
      sql.append(" AND subject_kind = ?");
      params.add(filter.kind());
    }
    if (filter.name() != null) {
      sql.append(" AND subject_name = ?");
      params.add(filter.name());
    }
    if (!filter.severities().isEmpty()) {
      sql.append(" AND severity IN (")
          .append(String.join(", ", filter.severities().stream().map(s -> "?").toList()))
          .append(')');
      filter.severities().forEach(s -> params.add(s.name()));
    }
    sql.append(" ORDER BY resolved_at DESC, id FETCH FIRST ")
        .append(Math.max(1, limit))
        .append(" ROWS ONLY");
    return jdbc.sql(sql.toString()).params(params).query((rs, row) -> read(rs)).list();
  }

  private Finding read(ResultSet rs) throws SQLException {
    Body body = json.readValue(rs.getString("body"), Body.class);
    RuleId rule = RuleId.of(rs.getString("rule_id"));
    return new Finding(
        rs.getString("id"),
        rs.getString("cluster_name"),
        rule,
        Severity.valueOf(rs.getString("severity")),
        ObjectRef.of(
            rs.getString("subject_kind"),
            rs.getString("subject_namespace"),
            rs.getString("subject_name")),
        body.title(),
        body.explanation(),
        body.evidence() == null ? List.of() : body.evidence(),
        body.suggestedFix(),
        Finding.runbookPath(rule),
        rs.getTimestamp("first_seen").toInstant(),
        rs.getTimestamp("last_seen").toInstant(),
        rs.getTimestamp("resolved_at").toInstant());
  }

  @Override
  public int prune(String cluster, Instant before, int keep) {
    int deleted =
        jdbc.sql("DELETE FROM kubeward_finding WHERE cluster_name = ? AND resolved_at < ?")
            .params(cluster, Timestamp.from(before))
            .update();
    Timestamp cutoff =
        jdbc.sql(
                "SELECT resolved_at FROM kubeward_finding WHERE cluster_name = ? ORDER BY"
                    + " resolved_at DESC OFFSET ? ROWS FETCH FIRST 1 ROWS ONLY")
            .params(cluster, keep)
            .query(Timestamp.class)
            .optional()
            .orElse(null);
    if (cutoff != null) {
      deleted +=
          jdbc.sql("DELETE FROM kubeward_finding WHERE cluster_name = ? AND resolved_at <= ?")
              .params(cluster, cutoff)
              .update();
    }
    return deleted;
  }

  @Override
  public List<String> clusters() {
    return jdbc.sql("SELECT DISTINCT cluster_name FROM kubeward_finding")
        .query(String.class)
        .list();
  }
}
