package io.kubeward.server.backup.restore;

import io.kubeward.backup.app.restore.RestoreResults;
import io.kubeward.backup.domain.ObjectRef;
import io.kubeward.backup.domain.ObjectResult;
import io.kubeward.backup.domain.RestoreOutcome;
import io.kubeward.backup.domain.restore.RestoreCounts;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The per-object results of restores ({@code kubeward_restore_results}, Flyway V91, ADR 0042). A
 * cluster-scoped object's namespace is stored as {@code ""}.
 */
final class JdbcRestoreResults implements RestoreResults {

  static final String BEGUN = "BEGUN";
  private static final int MAX_REASON = 2048;

  private final JdbcClient jdbc;
  private final Clock clock;

  JdbcRestoreResults(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public void begin(String restore, ObjectRef source, ObjectRef target) {
    upsert(restore, source, target, BEGUN, null);
  }

  @Override
  public void record(String restore, ObjectResult result) {
    upsert(restore, result.source(), result.target(), result.outcome().name(), result.reason());
  }

  private synchronized void upsert(
      String restore, ObjectRef source, ObjectRef target, String outcome, @Nullable String reason) {
    String why =
        reason == null || reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON);
    Timestamp now = Timestamp.from(clock.instant());
    int updated =
        jdbc.sql(
                "UPDATE kubeward_restore_results SET tgt_namespace = ?, tgt_name = ?, outcome = ?,"
                    + " reason = ?, recorded_at = ? WHERE restore_uid = ? AND src_api_version = ?"
                    + " AND src_kind = ? AND src_namespace = ? AND src_name = ?")
            .params(
                ns(target.namespace()),
                target.name(),
                outcome,
                why,
                now,
                restore,
                source.apiVersion(),
                source.kind(),
                ns(source.namespace()),
                source.name())
            .update();
    if (updated == 0) {
      jdbc.sql(
              "INSERT INTO kubeward_restore_results (restore_uid, src_api_version, src_kind,"
                  + " src_namespace, src_name, tgt_namespace, tgt_name, outcome, reason,"
                  + " recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
          .params(
              restore,
              source.apiVersion(),
              source.kind(),
              ns(source.namespace()),
              source.name(),
              ns(target.namespace()),
              target.name(),
              outcome,
              why,
              now)
          .update();
    }
  }

  @Override
  public Map<ObjectRef, RestoreOutcome> recorded(String restore) {
    Map<ObjectRef, RestoreOutcome> recorded = new HashMap<>();
    jdbc.sql(
            "SELECT src_api_version, src_kind, src_namespace, src_name, outcome FROM"
                + " kubeward_restore_results WHERE restore_uid = ? AND outcome <> ?")
        .params(restore, BEGUN)
        .query(
            (ResultSet rs) -> {
              recorded.put(source(rs), RestoreOutcome.valueOf(rs.getString("outcome")));
            });
    return recorded;
  }

  @Override
  public Set<ObjectRef> begun(String restore) {
    Set<ObjectRef> begun = new HashSet<>();
    jdbc.sql(
            "SELECT src_api_version, src_kind, src_namespace, src_name FROM"
                + " kubeward_restore_results WHERE restore_uid = ? AND outcome = ?")
        .params(restore, BEGUN)
        .query(
            (ResultSet rs) -> {
              begun.add(source(rs));
            });
    return begun;
  }

  @Override
  public RestoreCounts counts(String restore) {
    Map<String, Long> counts = new HashMap<>();
    jdbc.sql(
            "SELECT outcome, COUNT(*) AS n FROM kubeward_restore_results WHERE restore_uid = ?"
                + " GROUP BY outcome")
        .params(restore)
        .query(
            (ResultSet rs) -> {
              counts.put(rs.getString("outcome"), rs.getLong("n"));
            });
    return new RestoreCounts(
        counts.getOrDefault("CREATED", 0L),
        counts.getOrDefault("UPDATED", 0L),
        counts.getOrDefault("SKIPPED", 0L),
        counts.getOrDefault("FAILED", 0L));
  }

  @Override
  public Page page(String restore, @Nullable RestoreOutcome outcome, int page, int size) {
    String where =
        outcome == null
            ? " WHERE restore_uid = ? AND outcome <> ?"
            : " WHERE restore_uid = ? AND outcome = ?";
    Object filter = outcome == null ? BEGUN : outcome.name();
    long total =
        jdbc.sql("SELECT COUNT(*) FROM kubeward_restore_results" + where)
            .params(restore, filter)
            .query(Long.class)
            .single();
    List<ObjectResult> items =
        jdbc.sql(
                "SELECT src_api_version, src_kind, src_namespace, src_name, tgt_namespace,"
                    + " tgt_name, outcome, reason FROM kubeward_restore_results"
                    + where
                    + " ORDER BY id LIMIT ? OFFSET ?")
            .params(restore, filter, size, (long) page * size)
            .query(
                (rs, row) -> {
                  ObjectRef source = source(rs);
                  String tns = rs.getString("tgt_namespace");
                  ObjectRef target =
                      new ObjectRef(
                          source.apiVersion(),
                          source.kind(),
                          tns.isEmpty() ? null : tns,
                          rs.getString("tgt_name"));
                  return new ObjectResult(
                      source,
                      target,
                      RestoreOutcome.valueOf(rs.getString("outcome")),
                      rs.getString("reason"));
                })
            .list();
    return new Page(items, total, page, size);
  }

  @Override
  public void delete(String restore) {
    jdbc.sql("DELETE FROM kubeward_restore_results WHERE restore_uid = ?").params(restore).update();
  }

  private static ObjectRef source(ResultSet rs) throws SQLException {
    String ns = rs.getString("src_namespace");
    return new ObjectRef(
        rs.getString("src_api_version"),
        rs.getString("src_kind"),
        ns.isEmpty() ? null : ns,
        rs.getString("src_name"));
  }

  private static String ns(@Nullable String namespace) {
    return namespace == null ? "" : namespace;
  }
}
