package io.kubeward.server.events;

import io.kubeward.events.app.EventStore;
import io.kubeward.events.domain.EventCursor;
import io.kubeward.events.domain.EventQuery;
import io.kubeward.events.domain.EventRow;
import io.kubeward.events.domain.InvolvedObject;
import io.kubeward.events.domain.ObservedEvent;
import io.kubeward.events.domain.StoredEvent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The event store in Kubeward's database (H2 or PostgreSQL, one portable schema: {@code
 * V70__events.sql}). An upsert reads the batch's existing rows by key, merges in Java ({@code
 * StoredEvent.merge}: the one dedup rule) and writes inserts and updates as two statement batches
 * in one transaction; a key inserted meanwhile by another replica (a leadership hand-over) makes
 * the batch run once more.
 */
final class JdbcEventStore implements EventStore {

  private static final int IN_CHUNK = 200;
  private static final int EXPORT_PAGE = 1_000;
  private static final String COLUMNS =
      "id, dedup_key, event_namespace, event_type, reason, message, object_kind, object_namespace,"
          + " object_name, object_uid, source, event_count, first_seen, last_seen, last_uid,"
          + " last_uid_count";

  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;

  JdbcEventStore(JdbcTemplate jdbc, TransactionTemplate tx) {
    this.jdbc = jdbc;
    this.tx = tx;
  }

  @Override
  public int upsert(String cluster, List<ObservedEvent> batch) {
    if (batch.isEmpty()) {
      return 0;
    }
    try {
      return tx.execute(status -> upsertOnce(cluster, batch));
    } catch (DuplicateKeyException raced) {
      return tx.execute(status -> upsertOnce(cluster, batch));
    }
  }

  private int upsertOnce(String cluster, List<ObservedEvent> batch) {
    Map<String, List<ObservedEvent>> grouped = new LinkedHashMap<>();
    for (ObservedEvent e : batch) {
      String key = StoredEvent.keyOf(e);
      grouped.computeIfAbsent(key, k -> new ArrayList<>()).add(e);
    }
    Map<String, EventRow> existing = findByKeys(cluster, new ArrayList<>(grouped.keySet()));
    List<Object[]> inserts = new ArrayList<>();
    List<Object[]> updates = new ArrayList<>();
    for (Map.Entry<String, List<ObservedEvent>> entry : grouped.entrySet()) {
      EventRow row = existing.get(entry.getKey());
      StoredEvent before = row == null ? null : row.event();
      StoredEvent after = before;
      for (ObservedEvent e : entry.getValue()) {
        after = StoredEvent.merge(after, e);
      }
      if (after == null || after == before) {
        continue;
      }
      if (row == null) {
        inserts.add(
            new Object[] {
              cluster,
              after.key(),
              after.namespace(),
              cut(after.type(), 32),
              cut(after.reason(), 256),
              cut(after.message(), 2048),
              cut(after.objectKind(), 256),
              after.objectNamespace(),
              cut(after.objectName(), 253),
              cut(after.objectUid(), 64),
              cut(after.source(), 256),
              after.count(),
              after.firstSeen().toEpochMilli(),
              after.lastSeen().toEpochMilli(),
              cut(after.lastUid(), 64),
              after.lastUidCount()
            });
      } else {
        updates.add(
            new Object[] {
              after.namespace(),
              cut(after.type(), 32),
              cut(after.objectUid(), 64),
              cut(after.source(), 256),
              after.count(),
              after.firstSeen().toEpochMilli(),
              after.lastSeen().toEpochMilli(),
              cut(after.lastUid(), 64),
              after.lastUidCount(),
              row.id()
            });
      }
    }
    if (!inserts.isEmpty()) {
      jdbc.batchUpdate(
          "INSERT INTO kubeward_events (cluster_name, dedup_key, event_namespace, event_type,"
              + " reason, message, object_kind, object_namespace, object_name, object_uid, source,"
              + " event_count, first_seen, last_seen, last_uid, last_uid_count)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          inserts);
    }
    if (!updates.isEmpty()) {
      jdbc.batchUpdate(
          "UPDATE kubeward_events SET event_namespace = ?, event_type = ?, object_uid = ?,"
              + " source = ?, event_count = ?, first_seen = ?, last_seen = ?, last_uid = ?,"
              + " last_uid_count = ? WHERE id = ?",
          updates);
    }
    return inserts.size() + updates.size();
  }

  private Map<String, EventRow> findByKeys(String cluster, List<String> keys) {
    Map<String, EventRow> out = new HashMap<>();
    for (int i = 0; i < keys.size(); i += IN_CHUNK) {
      List<String> chunk = keys.subList(i, Math.min(keys.size(), i + IN_CHUNK));
      List<Object> args = new ArrayList<>();
      args.add(cluster);
      args.addAll(chunk);
      jdbc.query(
          "SELECT "
              + COLUMNS
              + " FROM kubeward_events WHERE cluster_name = ? AND dedup_key IN ("
              + marks(chunk.size())
              + ")",
          (RowCallbackHandler)
              rs -> {
                EventRow row = row(rs);
                out.put(row.event().key(), row);
              },
          args.toArray());
    }
    return out;
  }

  @Override
  public List<EventRow> search(String cluster, EventQuery query) {
    List<EventRow> out = new ArrayList<>();
    query(cluster, query, query.limit(), out::add);
    return out;
  }

  /** Page by page ({@value #EXPORT_PAGE} rows, keyset paging): memory bounded on both databases. */
  @Override
  public void export(String cluster, EventQuery query, int maxRows, Consumer<EventRow> sink) {
    int left = maxRows;
    EventQuery page = query;
    while (left > 0) {
      int size = Math.min(left, EXPORT_PAGE);
      List<EventRow> rows = new ArrayList<>(size);
      query(cluster, page, size, rows::add);
      rows.forEach(sink);
      left -= rows.size();
      if (rows.size() < size) {
        return;
      }
      EventRow last = rows.getLast();
      page =
          new EventQuery(
              query.type(),
              query.reason(),
              query.namespace(),
              query.kind(),
              query.name(),
              query.text(),
              query.from(),
              query.to(),
              query.namespaces(),
              new EventCursor(last.event().lastSeen(), last.id()),
              size);
    }
  }

  private void query(String cluster, EventQuery q, int limit, Consumer<EventRow> sink) {
    StringBuilder sql =
        new StringBuilder("SELECT ")
            .append(COLUMNS)
            .append(" FROM kubeward_events WHERE cluster_name = ? AND last_seen >= ?")
            .append(" AND first_seen <= ?");
    List<Object> args = new ArrayList<>(List.of(cluster, millis(q.from()), millis(q.to())));
    equal(sql, args, "event_type", q.type());
    equal(sql, args, "reason", q.reason());
    equal(sql, args, "event_namespace", q.namespace());
    equal(sql, args, "object_kind", q.kind());
    equal(sql, args, "object_name", q.name());
    if (q.text() != null) {
      String like = "%" + escapeLike(q.text().toLowerCase(Locale.ROOT)) + "%";
      sql.append(
          " AND (LOWER(message) LIKE ? ESCAPE '!' OR LOWER(reason) LIKE ? ESCAPE '!'"
              + " OR LOWER(object_name) LIKE ? ESCAPE '!')");
      args.addAll(List.of(like, like, like));
    }
    namespaces(sql, args, q.namespaces());
    if (q.after() != null) {
      sql.append(" AND (last_seen < ? OR (last_seen = ? AND id < ?))");
      long at = millis(q.after().lastSeen());
      args.addAll(List.of(at, at, q.after().id()));
    }
    sql.append(" ORDER BY last_seen DESC, id DESC LIMIT ?");
    args.add(limit);
    jdbc.query(sql.toString(), (RowCallbackHandler) rs -> sink.accept(row(rs)), args.toArray());
  }

  @Override
  public List<EventRow> about(
      String cluster,
      Collection<InvolvedObject> objects,
      Instant since,
      @Nullable Set<String> namespaces,
      int limit) {
    Map<String, List<InvolvedObject>> byName = new HashMap<>();
    for (InvolvedObject o : objects) {
      byName.computeIfAbsent(o.name(), n -> new ArrayList<>()).add(o);
    }
    List<String> names = new ArrayList<>(byName.keySet());
    List<EventRow> out = new ArrayList<>();
    for (int i = 0; i < names.size(); i += IN_CHUNK) {
      List<String> chunk = names.subList(i, Math.min(names.size(), i + IN_CHUNK));
      StringBuilder sql =
          new StringBuilder("SELECT ")
              .append(COLUMNS)
              .append(" FROM kubeward_events WHERE cluster_name = ? AND object_name IN (")
              .append(marks(chunk.size()))
              .append(") AND last_seen >= ?");
      List<Object> args = new ArrayList<>();
      args.add(cluster);
      args.addAll(chunk);
      args.add(millis(since));
      namespaces(sql, args, namespaces);
      sql.append(" ORDER BY last_seen DESC, id DESC LIMIT ?");
      args.add(limit);
      jdbc.query(
          sql.toString(),
          (RowCallbackHandler)
              rs -> {
                EventRow row = row(rs);
                StoredEvent e = row.event();
                if (byName.getOrDefault(e.objectName(), List.of()).stream().anyMatch(e::isAbout)) {
                  out.add(row);
                }
              },
          args.toArray());
    }
    out.sort(
        (a, b) -> {
          int c = b.event().lastSeen().compareTo(a.event().lastSeen());
          return c != 0 ? c : Long.compare(b.id(), a.id());
        });
    return out.size() > limit ? new ArrayList<>(out.subList(0, limit)) : out;
  }

  @Override
  public int deleteSeenBefore(String cluster, Instant before) {
    return jdbc.update(
        "DELETE FROM kubeward_events WHERE cluster_name = ? AND last_seen < ?",
        cluster,
        millis(before));
  }

  @Override
  public int trim(String cluster, long maxRows) {
    long rows = count(cluster);
    if (rows <= maxRows) {
      return 0;
    }
    // the (maxRows+1)-th newest row and everything older go
    List<long[]> edge =
        jdbc.query(
            "SELECT last_seen, id FROM kubeward_events WHERE cluster_name = ?"
                + " ORDER BY last_seen DESC, id DESC LIMIT 1 OFFSET ?",
            (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)},
            cluster,
            maxRows);
    if (edge.isEmpty()) {
      return 0;
    }
    long seen = edge.getFirst()[0];
    long id = edge.getFirst()[1];
    return jdbc.update(
        "DELETE FROM kubeward_events WHERE cluster_name = ?"
            + " AND (last_seen < ? OR (last_seen = ? AND id <= ?))",
        cluster,
        seen,
        seen,
        id);
  }

  @Override
  public long count(String cluster) {
    Long n =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM kubeward_events WHERE cluster_name = ?", Long.class, cluster);
    return n == null ? 0 : n;
  }

  @Override
  public List<String> clusters() {
    return jdbc.queryForList(
        "SELECT DISTINCT cluster_name FROM kubeward_events ORDER BY cluster_name", String.class);
  }

  private static void equal(
      StringBuilder sql, List<Object> args, String column, @Nullable String v) {
    if (v != null) {
      sql.append(" AND ").append(column).append(" = ?");
      args.add(v);
    }
  }

  private static void namespaces(
      StringBuilder sql, List<Object> args, @Nullable Set<String> namespaces) {
    if (namespaces == null) {
      return;
    }
    if (namespaces.isEmpty()) {
      sql.append(" AND 1 = 0");
      return;
    }
    sql.append(" AND event_namespace IN (").append(marks(namespaces.size())).append(")");
    args.addAll(namespaces);
  }

  private static String marks(int n) {
    return String.join(", ", java.util.Collections.nCopies(n, "?"));
  }

  static String escapeLike(String text) {
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }

  private static long millis(Instant instant) {
    return instant.toEpochMilli();
  }

  private static @Nullable String cut(@Nullable String value, int max) {
    return value == null || value.length() <= max ? value : value.substring(0, max);
  }

  private static EventRow row(ResultSet rs) throws SQLException {
    return new EventRow(
        rs.getLong("id"),
        new StoredEvent(
            rs.getString("dedup_key"),
            rs.getString("event_namespace"),
            rs.getString("event_type"),
            rs.getString("reason"),
            rs.getString("message"),
            rs.getString("object_kind"),
            rs.getString("object_namespace"),
            rs.getString("object_name"),
            rs.getString("object_uid"),
            rs.getString("source"),
            rs.getLong("event_count"),
            Instant.ofEpochMilli(rs.getLong("first_seen")),
            Instant.ofEpochMilli(rs.getLong("last_seen")),
            rs.getString("last_uid"),
            rs.getLong("last_uid_count")));
  }
}
