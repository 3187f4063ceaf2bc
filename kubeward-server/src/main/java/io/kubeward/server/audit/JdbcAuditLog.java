package io.kubeward.server.audit;

import io.kubeward.access.domain.Origin;
import io.kubeward.audit.app.AuditLog;
import io.kubeward.audit.app.AuditQuery;
import io.kubeward.audit.domain.AuditChain;
import io.kubeward.audit.domain.AuditEntry;
import io.kubeward.audit.domain.AuditRecord;
import io.kubeward.server.persistence.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit log in table {@code audit_records}, chained by {@link AuditChain}. An append reads and
 * moves the chain's head (table {@code audit_head}, one row) under {@code SELECT ... FOR UPDATE} in
 * the same transaction as the insert, so appends from any number of threads or replicas form one
 * chain with gapless sequence numbers; a JVM lock in front only spares the database the waiting.
 */
public final class JdbcAuditLog implements AuditLog {

  public static final int VERIFY_BATCH = 1_000;

  private static final String COLUMNS =
      "seq, recorded_at, username, origin, client_address, cluster_name, namespace_name, kind,"
          + " object_name, verb, diff, outcome, error_text, previous_hash, hash";

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final ReentrantLock appending = new ReentrantLock();

  public JdbcAuditLog(JdbcClient jdbc, TransactionTemplate tx) {
    this.jdbc = jdbc;
    this.tx = tx;
  }

  private record Head(long sequence, String hash) {}

  @Override
  public AuditRecord append(AuditEntry entry) {
    AuditEntry fitted = fit(entry);
    appending.lock();
    try {
      return tx.execute(
          status -> {
            Head head = lockHead();
            long sequence = head.sequence() + 1;
            AuditRecord record =
                new AuditRecord(
                    sequence, fitted, head.hash(), AuditChain.hash(head.hash(), sequence, fitted));
            insert(record);
            jdbc.sql("UPDATE audit_head SET last_seq = ?, last_hash = ? WHERE id = 1")
                .params(sequence, record.hash())
                .update();
            return record;
          });
    } finally {
      appending.unlock();
    }
  }

  @Override
  public List<AuditRecord> find(AuditQuery query) {
    StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM audit_records WHERE 1 = 1");
    List<Object> params = new ArrayList<>();
    condition(sql, params, "username = ?", query.user());
    condition(sql, params, "cluster_name = ?", query.cluster());
    condition(sql, params, "namespace_name = ?", query.namespace());
    condition(
        sql,
        params,
        "LOWER(kind) = ?",
        query.kind() == null ? null : query.kind().toLowerCase(Locale.ROOT));
    condition(sql, params, "verb = ?", query.verb());
    condition(sql, params, "outcome = ?", query.result() == null ? null : query.result().name());
    if (query.from() != null) {
      condition(sql, params, "recorded_at >= ?", Timestamps.param(query.from()));
    }
    if (query.to() != null) {
      condition(sql, params, "recorded_at < ?", Timestamps.param(query.to()));
    }
    condition(sql, params, "seq < ?", query.beforeSequence());
    sql.append(" ORDER BY seq DESC LIMIT ").append(query.limit());
    return jdbc.sql(sql.toString()).params(params).query(JdbcAuditLog::record).list();
  }

  @Override
  public AuditChain.Verification verifyChain() {
    Head head =
        jdbc.sql("SELECT last_seq, last_hash FROM audit_head WHERE id = 1")
            .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
            .single();
    return AuditChain.verifyCounting(() -> new Batches(head.sequence()))
        .againstHead(head.sequence(), head.hash());
  }

  /**
   * The records up to the head read when verification started, read {@value #VERIFY_BATCH} at once.
   */
  private final class Batches implements Iterator<AuditRecord> {
    private final long last;
    private long after;
    private Iterator<AuditRecord> batch = List.<AuditRecord>of().iterator();
    private boolean exhausted;

    Batches(long last) {
      this.last = last;
    }

    @Override
    public boolean hasNext() {
      if (!batch.hasNext() && !exhausted) {
        List<AuditRecord> next =
            jdbc.sql(
                    "SELECT "
                        + COLUMNS
                        + " FROM audit_records WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT "
                        + VERIFY_BATCH)
                .params(after, last)
                .query(JdbcAuditLog::record)
                .list();
        exhausted = next.size() < VERIFY_BATCH;
        if (!next.isEmpty()) {
          after = next.getLast().sequence();
        }
        batch = next.iterator();
      }
      return batch.hasNext();
    }

    @Override
    public AuditRecord next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return batch.next();
    }
  }

  private Head lockHead() {
    return jdbc.sql("SELECT last_seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE")
        .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
        .single();
  }

  private void insert(AuditRecord record) {
    AuditEntry e = record.entry();
    jdbc.sql(
            "INSERT INTO audit_records ("
                + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            record.sequence(),
            Timestamps.param(e.time()),
            e.user(),
            e.origin().name(),
            e.clientAddress(),
            e.cluster(),
            e.namespace(),
            e.kind(),
            e.name(),
            e.verb(),
            e.diff(),
            e.result().name(),
            e.error(),
            record.previousHash(),
            record.hash())
        .update();
  }

  private static void condition(
      StringBuilder sql, List<Object> params, String clause, Object value) {
    if (value != null) {
      sql.append(" AND ").append(clause);
      params.add(value);
    }
  }

  /** Cuts fields to their column sizes before hashing, so the stored record is the hashed one. */
  static AuditEntry fit(AuditEntry e) {
    return new AuditEntry(
        e.time(),
        cut(e.user(), 256),
        e.origin(),
        cut(e.clientAddress(), 64),
        cut(e.cluster(), 253),
        cut(e.namespace(), 253),
        cut(e.kind(), 253),
        cut(e.name(), 253),
        cut(e.verb(), 64),
        e.diff(),
        e.result(),
        e.error());
  }

  private static String cut(String value, int max) {
    return value == null || value.length() <= max ? value : value.substring(0, max);
  }

  private static AuditRecord record(ResultSet rs, int n) throws SQLException {
    AuditEntry entry =
        new AuditEntry(
            Timestamps.read(rs, "recorded_at"),
            rs.getString("username"),
            Origin.valueOf(rs.getString("origin")),
            rs.getString("client_address"),
            rs.getString("cluster_name"),
            rs.getString("namespace_name"),
            rs.getString("kind"),
            rs.getString("object_name"),
            rs.getString("verb"),
            rs.getString("diff"),
            AuditEntry.Result.valueOf(rs.getString("outcome")),
            rs.getString("error_text"));
    return new AuditRecord(
        rs.getLong("seq"), entry, rs.getString("previous_hash"), rs.getString("hash"));
  }
}
