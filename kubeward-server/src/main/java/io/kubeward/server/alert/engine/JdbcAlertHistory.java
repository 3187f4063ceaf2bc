package io.kubeward.server.alert.engine;

import io.kubeward.alert.app.engine.AlertHistoryLog;
import io.kubeward.alert.app.engine.HistoryQuery;
import io.kubeward.alert.domain.AlertScope;
import io.kubeward.alert.domain.HistoryEntry;
import io.kubeward.alert.domain.HistoryKind;
import io.kubeward.alert.domain.RuleKey;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The alerting history in {@code kubeward_alert_history} (ADR 0031). {@link #record} never throws:
 * a failure is logged (the alert or the delivery goes on); texts longer than their column are cut.
 */
final class JdbcAlertHistory implements AlertHistoryLog {

  private static final Logger log = LoggerFactory.getLogger(JdbcAlertHistory.class);
  private static final String COLUMNS =
      "id, at_ms, scope_key, kind, fingerprint, rule_key, channel, group_key, payload_hash,"
          + " result, attempt, latency_ms, error, detail";

  private final JdbcClient jdbc;

  JdbcAlertHistory(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void record(HistoryEntry e) {
    try {
      jdbc.sql(
              "INSERT INTO kubeward_alert_history (at_ms, scope_key, kind, fingerprint, rule_key,"
                  + " channel, group_key, payload_hash, result, attempt, latency_ms, error,"
                  + " detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
          .params(
              e.at().toEpochMilli(),
              e.scope().key(),
              e.kind().name(),
              cut(e.fingerprint(), 16),
              cut(e.rule() == null ? null : e.rule().value(), 400),
              cut(e.channel(), 63),
              cut(e.groupKey(), 1024),
              cut(e.payloadHash(), 64),
              cut(e.result(), 32),
              e.attempt(),
              e.latencyMillis(),
              cut(e.error(), 2048),
              cut(e.detail(), 4096))
          .update();
    } catch (RuntimeException failure) {
      log.warn(
          "Alerting history: recording {} of {} failed: {}",
          e.kind(),
          e.scope().key(),
          failure.toString());
    }
  }

  @Override
  public List<HistoryEntry> query(HistoryQuery q) {
    StringBuilder sql =
        new StringBuilder("SELECT " + COLUMNS + " FROM kubeward_alert_history WHERE 1 = 1");
    List<Object> params = new ArrayList<>();
    if (!q.scopes().isEmpty()) {
      sql.append(" AND scope_key IN (")
          .append(String.join(", ", Collections.nCopies(q.scopes().size(), "?")))
          .append(')');
      params.addAll(q.scopes());
    }
    equal(sql, params, "fingerprint", q.fingerprint());
    equal(sql, params, "rule_key", q.rule());
    equal(sql, params, "channel", q.channel());
    if (!q.kinds().isEmpty()) {
      sql.append(" AND kind IN (")
          .append(String.join(", ", Collections.nCopies(q.kinds().size(), "?")))
          .append(')');
      q.kinds().forEach(k -> params.add(k.name()));
    }
    if (q.from() != null) {
      sql.append(" AND at_ms >= ?");
      params.add(q.from().toEpochMilli());
    }
    if (q.to() != null) {
      sql.append(" AND at_ms < ?");
      params.add(q.to().toEpochMilli());
    }
    if (q.beforeId() != null) {
      sql.append(" AND id < ?");
      params.add(q.beforeId());
    }
    sql.append(" ORDER BY id DESC FETCH FIRST ").append(q.limit()).append(" ROWS ONLY");
    return jdbc.sql(sql.toString()).params(params).query((rs, row) -> read(rs)).list();
  }

  private static void equal(
      StringBuilder sql, List<Object> params, String column, @Nullable String value) {
    if (value != null) {
      sql.append(" AND ").append(column).append(" = ?");
      params.add(value);
    }
  }

  @Override
  public int purge(Instant before) {
    return jdbc.sql("DELETE FROM kubeward_alert_history WHERE at_ms < ?")
        .param(before.toEpochMilli())
        .update();
  }

  private static HistoryEntry read(ResultSet rs) throws SQLException {
    String rule = rs.getString("rule_key");
    long latency = rs.getLong("latency_ms");
    Long latencyMillis = rs.wasNull() ? null : latency;
    return new HistoryEntry(
        rs.getLong("id"),
        Instant.ofEpochMilli(rs.getLong("at_ms")),
        AlertScope.ofKey(rs.getString("scope_key")),
        HistoryKind.valueOf(rs.getString("kind")),
        rs.getString("fingerprint"),
        rule == null ? null : RuleKey.of(rule),
        rs.getString("channel"),
        rs.getString("group_key"),
        rs.getString("payload_hash"),
        rs.getString("result"),
        rs.getInt("attempt"),
        latencyMillis,
        rs.getString("error"),
        rs.getString("detail"));
  }

  private static @Nullable String cut(@Nullable String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }
}
