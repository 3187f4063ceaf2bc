package io.kubeward.audit.app;

import io.kubeward.audit.domain.AuditEntry;
import java.time.Instant;

/**
 * A filter over the audit log; {@code null} fields match everything. Newest first, {@code limit}
 * records with a sequence below {@code beforeSequence} (for the next page).
 */
public record AuditQuery(
    String user,
    String cluster,
    String namespace,
    String kind,
    String verb,
    AuditEntry.Result result,
    Instant from,
    Instant to,
    Long beforeSequence,
    int limit) {

  public static final int MAX_LIMIT = 1_000;

  public AuditQuery {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
    }
  }

  public static AuditQuery latest(int limit) {
    return new AuditQuery(null, null, null, null, null, null, null, null, null, limit);
  }

  public boolean matches(AuditEntry entry) {
    return (user == null || user.equals(entry.user()))
        && (cluster == null || cluster.equals(entry.cluster()))
        && (namespace == null || namespace.equals(entry.namespace()))
        && (kind == null || kind.equalsIgnoreCase(entry.kind()))
        && (verb == null || verb.equals(entry.verb()))
        && (result == null || result == entry.result())
        && (from == null || !entry.time().isBefore(from))
        && (to == null || entry.time().isBefore(to));
  }
}
