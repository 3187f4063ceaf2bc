package io.kubeward.server.alert.engine;

import io.kubeward.alert.app.engine.AlertQuery;
import io.kubeward.alert.app.engine.AlertStates;
import io.kubeward.alert.domain.Alert;
import io.kubeward.alert.domain.AlertLabels;
import io.kubeward.alert.domain.AlertScope;
import io.kubeward.alert.domain.AlertState;
import io.kubeward.alert.domain.RuleKey;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Alerts in {@code kubeward_alert} (ADR 0031); labels and annotations as JSON objects. */
final class JdbcAlertStates implements AlertStates {

  private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {};
  private static final String COLUMNS =
      "scope_key, fingerprint, cluster_name, rule_key, severity, state, labels, annotations,"
          + " active_since, firing_since, resolved_at, last_evaluated, sample_value";
  private static final String ORDER =
      " ORDER BY CASE state WHEN 'FIRING' THEN 0 WHEN 'PENDING' THEN 1 ELSE 2 END,"
          + " active_since DESC, fingerprint";

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final JsonMapper json;

  JdbcAlertStates(JdbcClient jdbc, TransactionTemplate tx, JsonMapper json) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.json = json;
  }

  @Override
  public List<Alert> forDispatch(AlertScope scope, Instant resolvedSince) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM kubeward_alert WHERE scope_key = ? AND (state = 'FIRING' OR (state ="
                + " 'RESOLVED' AND resolved_at >= ?)) ORDER BY active_since, fingerprint")
        .params(scope.key(), resolvedSince.toEpochMilli())
        .query((rs, row) -> read(rs))
        .list();
  }

  @Override
  public List<Alert> load(AlertScope scope) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM kubeward_alert WHERE scope_key = ?")
        .param(scope.key())
        .query((rs, row) -> read(rs))
        .list();
  }

  @Override
  public void apply(AlertScope scope, Collection<Alert> changed, Set<String> dropped) {
    if (changed.isEmpty() && dropped.isEmpty()) {
      return;
    }
    tx.executeWithoutResult(
        status -> {
          for (String fingerprint : dropped) {
            jdbc.sql("DELETE FROM kubeward_alert WHERE scope_key = ? AND fingerprint = ?")
                .params(scope.key(), fingerprint)
                .update();
          }
          for (Alert alert : changed) {
            write(scope, alert);
          }
        });
  }

  private void write(AlertScope scope, Alert a) {
    String labels = json.writeValueAsString(a.labels());
    String annotations = json.writeValueAsString(a.annotations());
    int updated =
        jdbc.sql(
                "UPDATE kubeward_alert SET cluster_name = ?, rule_key = ?, severity = ?, state = ?,"
                    + " labels = ?, annotations = ?, active_since = ?, firing_since = ?,"
                    + " resolved_at = ?, last_evaluated = ?, sample_value = ? WHERE scope_key = ?"
                    + " AND fingerprint = ?")
            .params(
                a.label(AlertLabels.CLUSTER),
                a.rule().value(),
                a.severity().label(),
                a.state().name(),
                labels,
                annotations,
                a.activeSince().toEpochMilli(),
                millis(a.firingSince()),
                millis(a.resolvedAt()),
                a.lastEvaluated().toEpochMilli(),
                a.value(),
                scope.key(),
                a.fingerprint())
            .update();
    if (updated == 0) {
      jdbc.sql(
              "INSERT INTO kubeward_alert ("
                  + COLUMNS
                  + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
          .params(
              scope.key(),
              a.fingerprint(),
              a.label(AlertLabels.CLUSTER),
              a.rule().value(),
              a.severity().label(),
              a.state().name(),
              labels,
              annotations,
              a.activeSince().toEpochMilli(),
              millis(a.firingSince()),
              millis(a.resolvedAt()),
              a.lastEvaluated().toEpochMilli(),
              a.value())
          .update();
    }
  }

  @Override
  public Optional<Alert> find(AlertScope scope, String fingerprint) {
    return jdbc.sql(
            "SELECT " + COLUMNS + " FROM kubeward_alert WHERE scope_key = ? AND fingerprint = ?")
        .params(scope.key(), fingerprint)
        .query((rs, row) -> read(rs))
        .optional();
  }

  @Override
  public List<Alert> query(AlertQuery query, int max) {
    StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM kubeward_alert WHERE 1 = 1");
    List<Object> params = new ArrayList<>();
    if (query.cluster() != null) {
      sql.append(" AND cluster_name = ?");
      params.add(query.cluster());
    }
    if (!query.states().isEmpty()) {
      sql.append(" AND state IN (").append(marks(query.states().size())).append(')');
      query.states().forEach(s -> params.add(s.name()));
    }
    if (!query.severities().isEmpty()) {
      sql.append(" AND severity IN (").append(marks(query.severities().size())).append(')');
      query.severities().forEach(s -> params.add(s.label()));
    }
    if (query.rule() != null) {
      sql.append(" AND rule_key = ?");
      params.add(query.rule());
    }
    sql.append(ORDER).append(" FETCH FIRST ").append(Math.max(1, max)).append(" ROWS ONLY");
    return jdbc.sql(sql.toString()).params(params).query((rs, row) -> read(rs)).list();
  }

  @Override
  public int purgeResolved(Instant before) {
    return jdbc.sql("DELETE FROM kubeward_alert WHERE state = 'RESOLVED' AND resolved_at < ?")
        .param(before.toEpochMilli())
        .update();
  }

  private static String marks(int n) {
    return String.join(", ", java.util.Collections.nCopies(n, "?"));
  }

  private static Long millis(Instant instant) {
    return instant == null ? null : instant.toEpochMilli();
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : Instant.ofEpochMilli(value);
  }

  private Alert read(ResultSet rs) throws SQLException {
    double value = rs.getDouble("sample_value");
    Double sample = rs.wasNull() ? null : value;
    return new Alert(
        rs.getString("fingerprint"),
        AlertScope.ofKey(rs.getString("scope_key")),
        RuleKey.of(rs.getString("rule_key")),
        AlertLabels.sorted(json.readValue(rs.getString("labels"), MAP)),
        json.readValue(rs.getString("annotations"), MAP),
        AlertState.valueOf(rs.getString("state")),
        instant(rs, "active_since"),
        instant(rs, "firing_since"),
        instant(rs, "resolved_at"),
        instant(rs, "last_evaluated"),
        sample);
  }
}
