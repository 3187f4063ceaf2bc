package io.kubeward.server.history;

import io.kubeward.history.app.HistoryStore;
import io.kubeward.history.domain.HistoryTarget;
import io.kubeward.history.domain.RawSample;
import io.kubeward.history.domain.RollupSample;
import io.kubeward.history.domain.UsageValues;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The built-in history in Kubeward's database (H2 or PostgreSQL, one portable schema: {@code
 * V60__history_and_prometheus.sql}). Series ids are remembered in memory; raw samples are inserted
 * in one batch per sample; row counts per cluster are kept in {@code kubeward_history_state} as
 * rows come and go, so the status never counts millions of rows. The cluster's own series is in
 * every sample, so its oldest row is the cluster's oldest (found by primary key, not by a scan).
 */
final class JdbcHistoryStore implements HistoryStore {

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;
  private final TransactionTemplate tx;
  private final Map<String, Long> ids = new ConcurrentHashMap<>();

  JdbcHistoryStore(JdbcClient jdbc, JdbcTemplate batch, TransactionTemplate tx) {
    this.jdbc = jdbc;
    this.batch = batch;
    this.tx = tx;
  }

  @Override
  public void append(String cluster, Instant at, Map<HistoryTarget, UsageValues> samples) {
    long t = at.toEpochMilli();
    List<Object[]> rows = new ArrayList<>(samples.size());
    for (Map.Entry<HistoryTarget, UsageValues> e : samples.entrySet()) {
      long id = ensureSeries(cluster, e.getKey().key(), t);
      UsageValues v = e.getValue();
      rows.add(new Object[] {id, t, v.cpu(), v.memory(), v.pods()});
    }
    ensureState(cluster);
    tx.executeWithoutResult(
        status -> {
          batch.batchUpdate(
              "INSERT INTO kubeward_history_raw (series_id, ts, cpu, memory, pods)"
                  + " VALUES (?, ?, ?, ?, ?)",
              rows);
          jdbc.sql(
                  "UPDATE kubeward_history_state SET raw_rows = raw_rows + ?"
                      + " WHERE cluster_name = ?")
              .params(rows.size(), cluster)
              .update();
        });
  }

  private long ensureSeries(String cluster, String key, long t) {
    String cacheKey = cluster + "\u0000" + key;
    Long known = ids.get(cacheKey);
    if (known != null) {
      return known;
    }
    Optional<Long> found = find(cluster, key);
    if (found.isEmpty()) {
      try {
        jdbc.sql(
                "INSERT INTO kubeward_history_series (cluster_name, target_key, last_sample)"
                    + " VALUES (?, ?, ?)")
            .params(cluster, key, t)
            .update();
      } catch (DuplicateKeyException raced) {
        // another replica created it first
      }
      found = find(cluster, key);
    }
    long id = found.orElseThrow(() -> new IllegalStateException("series " + key + " vanished"));
    ids.put(cacheKey, id);
    return id;
  }

  private Optional<Long> find(String cluster, String key) {
    return jdbc.sql(
            "SELECT id FROM kubeward_history_series WHERE cluster_name = ? AND target_key = ?")
        .params(cluster, key)
        .query(Long.class)
        .optional();
  }

  private void ensureState(String cluster) {
    int known =
        jdbc.sql("SELECT COUNT(*) FROM kubeward_history_state WHERE cluster_name = ?")
            .params(cluster)
            .query(Integer.class)
            .single();
    if (known == 0) {
      try {
        jdbc.sql(
                "INSERT INTO kubeward_history_state (cluster_name, rolled_up_to, raw_rows,"
                    + " rollup_rows) VALUES (?, NULL, 0, 0)")
            .params(cluster)
            .update();
      } catch (DuplicateKeyException raced) {
        // another replica created it first
      }
    }
  }

  @Override
  public Optional<Long> series(String cluster, HistoryTarget target) {
    Long known = ids.get(cluster + "\u0000" + target.key());
    return known != null ? Optional.of(known) : find(cluster, target.key());
  }

  @Override
  public List<RawSample> raw(long series, Instant from, Instant to) {
    return jdbc.sql(
            "SELECT series_id, ts, cpu, memory, pods FROM kubeward_history_raw"
                + " WHERE series_id = ? AND ts >= ? AND ts < ? ORDER BY ts")
        .params(series, from.toEpochMilli(), to.toEpochMilli())
        .query((rs, row) -> rawSample(rs))
        .list();
  }

  @Override
  public List<RollupSample> rollups(long series, Instant from, Instant to) {
    return jdbc.sql(
            "SELECT series_id, ts, samples, cpu_avg, cpu_max, memory_avg, memory_max, pods_avg,"
                + " pods_max FROM kubeward_history_rollup"
                + " WHERE series_id = ? AND ts >= ? AND ts < ? ORDER BY ts")
        .params(series, from.toEpochMilli(), to.toEpochMilli())
        .query(
            (rs, row) ->
                new RollupSample(
                    rs.getLong("series_id"),
                    rs.getLong("ts"),
                    rs.getInt("samples"),
                    new UsageValues(
                        number(rs, "cpu_avg"), number(rs, "memory_avg"), number(rs, "pods_avg")),
                    new UsageValues(
                        number(rs, "cpu_max"), number(rs, "memory_max"), number(rs, "pods_max"))))
        .list();
  }

  @Override
  public List<RawSample> rawOfCluster(String cluster, Instant from, Instant to) {
    return jdbc.sql(
            "SELECT r.series_id, r.ts, r.cpu, r.memory, r.pods FROM kubeward_history_raw r"
                + " JOIN kubeward_history_series s ON s.id = r.series_id"
                + " WHERE s.cluster_name = ? AND r.ts >= ? AND r.ts < ?")
        .params(cluster, from.toEpochMilli(), to.toEpochMilli())
        .query((rs, row) -> rawSample(rs))
        .list();
  }

  @Override
  public void saveRollups(String cluster, Instant from, Instant to, List<RollupSample> rollups) {
    ensureState(cluster);
    List<Object[]> rows = new ArrayList<>(rollups.size());
    List<Object[]> seen = new ArrayList<>(rollups.size());
    for (RollupSample r : rollups) {
      rows.add(
          new Object[] {
            r.seriesId(),
            r.t(),
            r.samples(),
            r.avg().cpu(),
            r.max().cpu(),
            r.avg().memory(),
            r.max().memory(),
            r.avg().pods(),
            r.max().pods()
          });
      seen.add(new Object[] {to.toEpochMilli(), r.seriesId(), to.toEpochMilli()});
    }
    tx.executeWithoutResult(
        status -> {
          int deleted =
              jdbc.sql(
                      "DELETE FROM kubeward_history_rollup WHERE ts >= ? AND ts < ? AND series_id"
                          + " IN (SELECT id FROM kubeward_history_series WHERE cluster_name = ?)")
                  .params(from.toEpochMilli(), to.toEpochMilli(), cluster)
                  .update();
          if (!rows.isEmpty()) {
            batch.batchUpdate(
                "INSERT INTO kubeward_history_rollup (series_id, ts, samples, cpu_avg, cpu_max,"
                    + " memory_avg, memory_max, pods_avg, pods_max)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows);
            batch.batchUpdate(
                "UPDATE kubeward_history_series SET last_sample = ?"
                    + " WHERE id = ? AND last_sample < ?",
                seen);
          }
          jdbc.sql(
                  "UPDATE kubeward_history_state SET rolled_up_to = ?,"
                      + " rollup_rows = rollup_rows + ? WHERE cluster_name = ?")
              .params(to.toEpochMilli(), rows.size() - deleted, cluster)
              .update();
        });
  }

  @Override
  public Optional<Instant> rolledUpTo(String cluster) {
    return jdbc.sql("SELECT rolled_up_to FROM kubeward_history_state WHERE cluster_name = ?")
        .params(cluster)
        .query((rs, row) -> Optional.ofNullable(rs.getObject("rolled_up_to", Long.class)))
        .optional()
        .flatMap(o -> o)
        .map(Instant::ofEpochMilli);
  }

  @Override
  public Optional<Instant> oldestRaw(String cluster) {
    return oldest(cluster, "kubeward_history_raw");
  }

  @Override
  public Optional<Instant> oldestRollup(String cluster) {
    return oldest(cluster, "kubeward_history_rollup");
  }

  private Optional<Instant> oldest(String cluster, String table) {
    Optional<Long> series = find(cluster, HistoryTarget.cluster().key());
    if (series.isEmpty()) {
      return Optional.empty();
    }
    return jdbc.sql("SELECT MIN(ts) FROM " + table + " WHERE series_id = ?")
        .params(series.get())
        .query((rs, row) -> Optional.ofNullable(rs.getObject(1, Long.class)))
        .optional()
        .flatMap(o -> o)
        .map(Instant::ofEpochMilli);
  }

  @Override
  public int deleteRaw(String cluster, Instant from, Instant to) {
    return delete(cluster, "kubeward_history_raw", "raw_rows", from, to);
  }

  @Override
  public int deleteRollups(String cluster, Instant from, Instant to) {
    return delete(cluster, "kubeward_history_rollup", "rollup_rows", from, to);
  }

  private int delete(String cluster, String table, String counter, Instant from, Instant to) {
    Integer deleted =
        tx.execute(
            status -> {
              int n =
                  jdbc.sql(
                          "DELETE FROM "
                              + table
                              + " WHERE ts >= ? AND ts < ? AND series_id IN"
                              + " (SELECT id FROM kubeward_history_series WHERE cluster_name = ?)")
                      .params(from.toEpochMilli(), to.toEpochMilli(), cluster)
                      .update();
              if (n > 0) {
                jdbc.sql(
                        "UPDATE kubeward_history_state SET "
                            + counter
                            + " = "
                            + counter
                            + " - ? WHERE cluster_name = ?")
                    .params(n, cluster)
                    .update();
              }
              return n;
            });
    return deleted == null ? 0 : deleted;
  }

  @Override
  public int deleteIdleSeries(String cluster, Instant before) {
    int n =
        jdbc.sql(
                "DELETE FROM kubeward_history_series WHERE cluster_name = ? AND last_sample < ?"
                    + " AND NOT EXISTS (SELECT 1 FROM kubeward_history_raw r"
                    + " WHERE r.series_id = kubeward_history_series.id)"
                    + " AND NOT EXISTS (SELECT 1 FROM kubeward_history_rollup u"
                    + " WHERE u.series_id = kubeward_history_series.id)")
            .params(cluster, before.toEpochMilli())
            .update();
    if (n > 0) {
      ids.keySet().removeIf(k -> k.startsWith(cluster + "\u0000"));
    }
    return n;
  }

  @Override
  public List<String> clusters() {
    return jdbc.sql("SELECT cluster_name FROM kubeward_history_state ORDER BY cluster_name")
        .query(String.class)
        .list();
  }

  @Override
  public Usage usage(String cluster) {
    long series =
        jdbc.sql("SELECT COUNT(*) FROM kubeward_history_series WHERE cluster_name = ?")
            .params(cluster)
            .query(Long.class)
            .single();
    return jdbc.sql(
            "SELECT raw_rows, rollup_rows FROM kubeward_history_state WHERE cluster_name = ?")
        .params(cluster)
        .query(
            (rs, row) ->
                new Usage(
                    cluster,
                    series,
                    Math.max(0, rs.getLong("raw_rows")),
                    Math.max(0, rs.getLong("rollup_rows"))))
        .optional()
        .orElse(new Usage(cluster, series, 0, 0));
  }

  private static RawSample rawSample(ResultSet rs) throws SQLException {
    return new RawSample(
        rs.getLong("series_id"),
        rs.getLong("ts"),
        new UsageValues(number(rs, "cpu"), number(rs, "memory"), number(rs, "pods")));
  }

  private static Double number(ResultSet rs, String column) throws SQLException {
    double v = rs.getDouble(column);
    return rs.wasNull() ? null : v;
  }
}
