package io.kubeward.server.diagnostics;

import io.kubeward.diagnostics.domain.Evidence;
import io.kubeward.diagnostics.domain.Finding;
import java.util.List;
import java.util.Locale;

/**
 * Findings as CSV (RFC 4180, one header row), texts in the caller's language. Cells that a
 * spreadsheet would read as a formula ({@code = + - @}, tab, CR) get a leading apostrophe.
 */
final class FindingsCsv {

  private FindingsCsv() {}

  static String write(List<Finding> findings, Locale locale) {
    StringBuilder out = new StringBuilder();
    row(
        out,
        "id",
        "cluster",
        "severity",
        "rule",
        "kind",
        "namespace",
        "name",
        "state",
        "firstSeen",
        "lastSeen",
        "resolvedAt",
        "title",
        "explanation",
        "evidence",
        "suggestedFix",
        "runbook");
    for (Finding f : findings) {
      StringBuilder evidence = new StringBuilder();
      for (Evidence e : f.evidence()) {
        if (!evidence.isEmpty()) {
          evidence.append('\n');
        }
        evidence.append(e.label()).append(": ").append(e.value());
      }
      row(
          out,
          f.id(),
          f.cluster(),
          f.severity().name(),
          f.rule().value(),
          f.subject().kind(),
          f.subject().namespace() == null ? "" : f.subject().namespace(),
          f.subject().name(),
          f.active() ? "active" : "resolved",
          f.firstSeen().toString(),
          f.lastSeen().toString(),
          f.resolvedAt() == null ? "" : f.resolvedAt().toString(),
          f.title().in(locale),
          f.explanation().in(locale),
          evidence.toString(),
          f.suggestedFix().in(locale),
          f.runbook());
    }
    return out.toString();
  }

  private static void row(StringBuilder out, String... cells) {
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(cell(cells[i]));
    }
    out.append("\r\n");
  }

  static String cell(String value) {
    String text = value == null ? "" : value;
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
      return '"' + text.replace("\"", "\"\"") + '"';
    }
    return text;
  }
}
