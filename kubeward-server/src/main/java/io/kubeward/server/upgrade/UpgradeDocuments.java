package io.kubeward.server.upgrade;

import java.util.Locale;
import org.springframework.context.MessageSource;

/** The printable readiness checklist in Markdown, in the caller's language. */
final class UpgradeDocuments {

  private UpgradeDocuments() {}

  static String markdown(UpgradeView v, MessageSource messages, Locale locale) {
    StringBuilder md = new StringBuilder();
    md.append("# ")
        .append(t(messages, "upgrade.report.title", locale, v.cluster(), v.target()))
        .append("\n\n");
    md.append(
            t(
                messages,
                "upgrade.report.summary",
                locale,
                v.controlPlaneVersion(),
                v.target(),
                v.path().isEmpty() ? "—" : String.join(" → ", v.path()),
                v.generatedAt()))
        .append("\n\n");
    md.append("**").append(v.overallText()).append("**\n\n");
    for (UpgradeView.StepView s : v.steps()) {
      md.append("## ")
          .append(s.number())
          .append(". ")
          .append(box(s.status()))
          .append(' ')
          .append(s.title())
          .append(" — ")
          .append(status(messages, s.status(), locale))
          .append("\n\n");
      for (UpgradeView.FindingView f : s.findings()) {
        md.append("- ").append(box(f.status())).append(' ').append(escape(f.text())).append('\n');
      }
      md.append("\n> ").append(s.advice()).append("\n\n");
    }
    return md.toString();
  }

  private static String box(String status) {
    return switch (status) {
      case "pass" -> "[x]";
      case "fail" -> "[!]";
      case "warn" -> "[~]";
      default -> "[?]";
    };
  }

  private static String status(MessageSource messages, String status, Locale locale) {
    return messages.getMessage("upgrade.status." + status, null, status, locale);
  }

  private static String escape(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }

  private static String t(MessageSource messages, String key, Locale locale, Object... args) {
    return messages.getMessage(key, args, locale);
  }
}
