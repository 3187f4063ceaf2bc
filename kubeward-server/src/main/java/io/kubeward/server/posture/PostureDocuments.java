package io.kubeward.server.posture;

import io.kubeward.posture.domain.PostureReport;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.web.util.HtmlUtils;

/** The human-readable posture report (Markdown or HTML) in the caller's language. */
final class PostureDocuments {

  private PostureDocuments() {}

  static String markdown(PostureView v, MessageSource messages, Locale locale) {
    Map<String, PostureView.CheckView> checks =
        v.checks().stream()
            .collect(Collectors.toMap(PostureView.CheckView::id, Function.identity()));
    StringBuilder md = new StringBuilder();
    md.append("# ").append(t(messages, "posture.report.title", locale, v.cluster())).append("\n\n");
    md.append(t(messages, "posture.report.scanned", locale, v.scannedAt(), v.scannedBy()))
        .append("\n\n");
    md.append("**")
        .append(t(messages, "posture.report.score", locale, v.score().score()))
        .append("**\n\n");
    md.append(t(messages, "posture.report.formula", locale)).append("\n\n");
    md.append("## ").append(t(messages, "posture.report.namespaces", locale)).append("\n\n");
    md.append("| ")
        .append(t(messages, "posture.report.namespace", locale))
        .append(" | ")
        .append(t(messages, "posture.report.scoreColumn", locale))
        .append(" |\n|---|---|\n");
    for (PostureReport.NamespaceScore n : v.namespaces()) {
      md.append("| ")
          .append(cell(n.namespace()))
          .append(" | ")
          .append(n.score().score())
          .append(" |\n");
    }
    md.append("\n## ").append(t(messages, "posture.report.findings", locale)).append("\n\n");
    for (PostureReport.Finding f : v.findings()) {
      PostureView.CheckView c = checks.get(f.check());
      md.append("### ")
          .append(c.title())
          .append(" — ")
          .append(f.kind())
          .append(' ')
          .append(f.namespace() == null ? "" : f.namespace() + "/")
          .append(f.name())
          .append("\n\n");
      md.append("- ")
          .append(t(messages, "posture.report.severity", locale, f.severity()))
          .append('\n');
      if (!f.citations().isEmpty()) {
        md.append("- ")
            .append(
                t(messages, "posture.report.citations", locale, String.join("; ", f.citations())))
            .append('\n');
      }
      md.append("- ").append(f.detail()).append('\n');
      if (f.excepted()) {
        md.append("- ")
            .append(t(messages, "posture.report.excepted", locale, f.exceptedUntil()))
            .append('\n');
      }
      md.append("\n").append(c.explanation()).append("\n\n");
      md.append("**")
          .append(t(messages, "posture.report.fix", locale))
          .append("** ")
          .append(c.fix())
          .append("\n\n");
    }
    if (!v.notes().isEmpty()) {
      md.append("## ").append(t(messages, "posture.report.notes", locale)).append("\n\n");
      for (PostureView.NoteView n : v.notes()) {
        md.append("- ").append(n.message()).append('\n');
      }
    }
    return md.toString();
  }

  /** The Markdown report as a self-contained HTML page (every text escaped). */
  static String html(PostureView v, MessageSource messages, Locale locale) {
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html><html lang=\"")
        .append(locale.toLanguageTag())
        .append("\"><head><meta charset=\"utf-8\"><title>")
        .append(e(t(messages, "posture.report.title", locale, v.cluster())))
        .append("</title></head><body>\n");
    for (String line : markdown(v, messages, locale).split("\n")) {
      if (line.startsWith("### ")) {
        html.append("<h3>").append(e(line.substring(4))).append("</h3>\n");
      } else if (line.startsWith("## ")) {
        html.append("<h2>").append(e(line.substring(3))).append("</h2>\n");
      } else if (line.startsWith("# ")) {
        html.append("<h1>").append(e(line.substring(2))).append("</h1>\n");
      } else if (line.startsWith("|---")) {
        continue;
      } else if (line.startsWith("| ")) {
        html.append("<div>").append(e(line.replace("|", " ").strip())).append("</div>\n");
      } else if (line.startsWith("- ")) {
        html.append("<li>").append(e(line.substring(2))).append("</li>\n");
      } else if (!line.isBlank()) {
        html.append("<p>").append(e(line.replace("**", ""))).append("</p>\n");
      }
    }
    return html.append("</body></html>\n").toString();
  }

  private static String cell(String s) {
    return s.replace("|", "\\|");
  }

  private static String e(String s) {
    return HtmlUtils.htmlEscape(s);
  }

  private static String t(MessageSource messages, String key, Locale locale, Object... args) {
    return messages.getMessage(key, args, key, locale);
  }
}
