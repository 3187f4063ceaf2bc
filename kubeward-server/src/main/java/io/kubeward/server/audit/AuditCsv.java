package io.kubeward.server.audit;

import io.kubeward.audit.domain.AuditEntry;
import io.kubeward.audit.domain.AuditRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/** RFC 4180 CSV of audit records, one line each (fields with commas, quotes or newlines quoted). */
final class AuditCsv {

  static final String HEADER =
      "sequence,time,user,origin,clientAddress,cluster,namespace,kind,name,verb,result,error,"
          + "diff,hash,previousHash\r\n";

  private AuditCsv() {}

  static void write(Writer out, AuditRecord record) {
    AuditEntry e = record.entry();
    try {
      out.write(
          String.join(
                  ",",
                  Long.toString(record.sequence()),
                  e.time().toString(),
                  field(e.user()),
                  AuditController.lower(e.origin()),
                  field(e.clientAddress()),
                  field(e.cluster()),
                  field(e.namespace()),
                  field(e.kind()),
                  field(e.name()),
                  field(e.verb()),
                  AuditController.lower(e.result()),
                  field(e.error()),
                  field(e.diff()),
                  record.hash(),
                  record.previousHash())
              + "\r\n");
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  /** Quoted when needed; a leading =, +, - or @ is prefixed with ' so spreadsheets show text. */
  static String field(String value) {
    if (value == null) {
      return "";
    }
    String safe = value;
    if (!safe.isEmpty() && "=+-@".indexOf(safe.charAt(0)) >= 0) {
      safe = "'" + safe;
    }
    if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
      return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
    return safe;
  }
}
