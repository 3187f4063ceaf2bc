package io.kubeward.audit.app;

import io.kubeward.access.app.Authorizer;
import io.kubeward.access.app.Caller;
import io.kubeward.audit.domain.AuditChain;
import io.kubeward.audit.domain.AuditRecord;
import java.util.List;
import java.util.function.Consumer;

/** Reading, exporting and verifying the audit log: administrators only. */
public final class ReadAuditLog {

  private static final int EXPORT_PAGE = 500;

  private final AuditLog log;

  public ReadAuditLog(AuditLog log) {
    this.log = log;
  }

  public List<AuditRecord> find(Caller caller, AuditQuery query) {
    requireAdmin(caller);
    return log.find(query);
  }

  public AuditChain.Verification verify(Caller caller) {
    requireAdmin(caller);
    return log.verifyChain();
  }

  /** Checks the caller first: call before committing a response to a streamed export. */
  public void requireAdmin(Caller caller) {
    Authorizer.requireAdmin(caller);
  }

  /**
   * Every record matching {@code filter} (its limit and cursor are ignored), newest first, page by
   * page so that memory stays flat.
   */
  public void export(Caller caller, AuditQuery filter, Consumer<AuditRecord> sink) {
    requireAdmin(caller);
    Long before = null;
    while (true) {
      List<AuditRecord> page =
          log.find(
              new AuditQuery(
                  filter.user(),
                  filter.cluster(),
                  filter.namespace(),
                  filter.kind(),
                  filter.verb(),
                  filter.result(),
                  filter.from(),
                  filter.to(),
                  before,
                  EXPORT_PAGE));
      page.forEach(sink);
      if (page.size() < EXPORT_PAGE) {
        return;
      }
      before = page.getLast().sequence();
    }
  }
}
