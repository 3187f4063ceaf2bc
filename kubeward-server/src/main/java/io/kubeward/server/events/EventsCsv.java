package io.kubeward.server.events;

import io.kubeward.events.domain.EventRow;
import io.kubeward.events.domain.StoredEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/** RFC 4180 CSV of stored events, one line each (the audit log's quoting rules). */
final class EventsCsv {

  static final String HEADER =
      "lastSeen,firstSeen,count,type,namespace,objectKind,objectNamespace,objectName,reason,"
          + "message,source\r\n";

  private EventsCsv() {}

  static void write(Writer out, EventRow row) {
    StoredEvent e = row.event();
    try {
      out.write(
          String.join(
                  ",",
                  e.lastSeen().toString(),
                  e.firstSeen().toString(),
                  Long.toString(e.count()),
                  field(e.type()),
                  field(e.namespace()),
                  field(e.objectKind()),
                  field(e.objectNamespace()),
                  field(e.objectName()),
                  field(e.reason()),
                  field(e.message()),
                  field(e.source()))
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
