package io.kubeward.audit.app;

import io.kubeward.audit.domain.AuditChain;
import io.kubeward.audit.domain.AuditEntry;
import io.kubeward.audit.domain.AuditRecord;
import java.util.List;
import java.util.Optional;

/**
 * Port: the append-only, hash-chained audit log. Implementations serialise appends (one chain) and
 * never update or delete records.
 */
public interface AuditLog {

  /** Appends one entry, chained to the last record, and returns the stored record. */
  AuditRecord append(AuditEntry entry);

  /** Records matching the query, newest first. */
  List<AuditRecord> find(AuditQuery query);

  /** Walks the whole chain from the first record; empty when intact. */
  default Optional<AuditChain.BrokenLink> verify() {
    return verifyChain().firstBrokenLink();
  }

  /**
   * Walks the whole chain from the first record, in sequence order, and says how many records it
   * checked and where it first broke. Also reports records missing at the end when the
   * implementation keeps the chain's head apart from the records.
   */
  AuditChain.Verification verifyChain();
}
