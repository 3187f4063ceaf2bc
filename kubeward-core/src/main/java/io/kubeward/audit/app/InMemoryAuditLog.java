package io.kubeward.audit.app;

import io.kubeward.audit.domain.AuditChain;
import io.kubeward.audit.domain.AuditEntry;
import io.kubeward.audit.domain.AuditRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** An audit log kept in memory: for unit tests and for tools that run without a database. */
public final class InMemoryAuditLog implements AuditLog {

  private final List<AuditRecord> records = new ArrayList<>();

  @Override
  public synchronized AuditRecord append(AuditEntry entry) {
    AuditRecord record = AuditChain.next(records.isEmpty() ? null : records.getLast(), entry);
    records.add(record);
    return record;
  }

  @Override
  public synchronized List<AuditRecord> find(AuditQuery query) {
    return records.stream()
        .sorted(Comparator.comparingLong(AuditRecord::sequence).reversed())
        .filter(r -> query.beforeSequence() == null || r.sequence() < query.beforeSequence())
        .filter(r -> query.matches(r.entry()))
        .limit(query.limit())
        .toList();
  }

  @Override
  public synchronized AuditChain.Verification verifyChain() {
    return AuditChain.verifyCounting(List.copyOf(records));
  }

  /** Replaces a stored record, as an attacker with database access would: for tamper tests. */
  synchronized void tamper(int index, AuditRecord forged) {
    records.set(index, forged);
  }
}
