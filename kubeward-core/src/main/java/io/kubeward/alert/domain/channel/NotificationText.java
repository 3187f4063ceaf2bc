package io.kubeward.alert.domain.channel;

import io.kubeward.alert.domain.Alert;
import io.kubeward.alert.domain.AlertLabels;
import io.kubeward.alert.domain.Notification;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The text of a notification in English or 简体中文: a title and a body (Markdown and plain), from the
 * default templates or from a channel's own title and body templates. A template is text with
 * variables {@code {{ name }}}: {@code status} ({@code FIRING}/{@code RESOLVED}, or 告警/已恢复), {@code
 * alertname}, {@code cluster}, {@code severity}, {@code firingCount}, {@code resolvedCount}, {@code
 * groupLabels} ({@code k=v, …}), {@code labels.<name>} (a group label, else a label all its alerts
 * share), {@code alerts} (the list of alerts, Markdown in the Markdown body, plain in the plain
 * body), {@code summary} (the first alert's summary in the channel's language) and {@code title}
 * (the default title, for body templates). Unknown variables, unbalanced braces and templates
 * longer than the limits are refused by {@link #validate}.
 */
public final class NotificationText {

  /** The longest title template, in characters. */
  public static final int MAX_TITLE_TEMPLATE = 512;

  /** The longest body template, in characters. */
  public static final int MAX_BODY_TEMPLATE = 8192;

  /** The longest rendered title; longer ones are cut with an ellipsis. */
  public static final int MAX_TITLE = 256;

  /** At most this many alerts of each state are listed; the rest are counted. */
  public static final int MAX_LISTED = 20;

  private static final Set<String> VARIABLES =
      Set.of(
          "status",
          "alertname",
          "cluster",
          "severity",
          "firingCount",
          "resolvedCount",
          "groupLabels",
          "alerts",
          "summary",
          "title");

  private static final Pattern VARIABLE =
      Pattern.compile("\\{\\{\\s*([A-Za-z][A-Za-z0-9_.\\-]*)\\s*}}");
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private NotificationText() {}

  /** The problems of a channel's templates; empty when both are valid (or absent). */
  public static List<String> validate(
      @Nullable String titleTemplate, @Nullable String bodyTemplate) {
    List<String> problems = new ArrayList<>();
    check("titleTemplate", titleTemplate, MAX_TITLE_TEMPLATE, problems);
    check("bodyTemplate", bodyTemplate, MAX_BODY_TEMPLATE, problems);
    if (titleTemplate != null && titleTemplate.contains("{{ alerts }}")) {
      problems.add("titleTemplate must not list the alerts ({{ alerts }} is for the body)");
    }
    return problems;
  }

  private static void check(String field, @Nullable String template, int max, List<String> out) {
    if (template == null) {
      return;
    }
    if (template.isBlank()) {
      out.add(field + " must not be blank (leave it out for the default)");
      return;
    }
    if (template.length() > max) {
      out.add(field + " must be at most " + max + " characters");
      return;
    }
    Matcher m = VARIABLE.matcher(template);
    Set<String> unknown = new TreeSet<>();
    StringBuilder rest = new StringBuilder();
    int last = 0;
    while (m.find()) {
      String name = m.group(1);
      if (!VARIABLES.contains(name) && !(name.startsWith("labels.") && name.length() > 7)) {
        unknown.add(name);
      }
      rest.append(template, last, m.start());
      last = m.end();
    }
    rest.append(template.substring(last));
    if (!unknown.isEmpty()) {
      out.add(
          field
              + " uses unknown variables "
              + unknown
              + "; known: "
              + new TreeSet<>(VARIABLES)
              + " and labels.<name>");
    }
    if (rest.indexOf("{{") >= 0 || rest.indexOf("}}") >= 0) {
      out.add(field + " has a '{{' or '}}' that is no variable like {{ alertname }}");
    }
  }

  /** The text of {@code n} for a channel in {@code language} with its templates. */
  public static RenderedText render(
      Notification n,
      ChannelLanguage language,
      @Nullable String titleTemplate,
      @Nullable String bodyTemplate) {
    boolean zh = language.zh();
    Map<String, String> vars = variables(n, zh);
    String defaultTitle = defaultTitle(n, zh, vars);
    vars.put("title", defaultTitle);
    String title =
        titleTemplate == null ? defaultTitle : substitute(titleTemplate, vars, n, zh, false);
    title = cut(title.replaceAll("[\\r\\n]+", " ").strip());
    String markdown;
    String plain;
    if (bodyTemplate == null) {
      markdown = defaultBody(n, zh, true);
      plain = defaultBody(n, zh, false);
    } else {
      markdown = substitute(bodyTemplate, vars, n, zh, true);
      plain = substitute(bodyTemplate, vars, n, zh, false);
    }
    return new RenderedText(title, markdown, plain);
  }

  private static String cut(String title) {
    return title.length() > MAX_TITLE ? title.substring(0, MAX_TITLE - 1) + "…" : title;
  }

  private static Map<String, String> variables(Notification n, boolean zh) {
    Map<String, String> vars = new LinkedHashMap<>();
    boolean firing = !n.firing().isEmpty();
    vars.put("status", firing ? (zh ? "告警" : "FIRING") : (zh ? "已恢复" : "RESOLVED"));
    vars.put("alertname", common(n, AlertLabels.ALERTNAME));
    vars.put("cluster", common(n, AlertLabels.CLUSTER));
    vars.put("severity", common(n, AlertLabels.SEVERITY));
    vars.put("firingCount", Integer.toString(n.firing().size()));
    vars.put("resolvedCount", Integer.toString(n.resolved().size()));
    StringJoiner groupLabels = new StringJoiner(", ");
    new java.util.TreeMap<>(n.groupLabels()).forEach((k, v) -> groupLabels.add(k + "=" + v));
    vars.put("groupLabels", groupLabels.toString());
    Alert first = first(n);
    String summary = first == null ? null : first.annotation(AlertLabels.SUMMARY, zh);
    vars.put("summary", summary == null ? "" : summary);
    return vars;
  }

  private static @Nullable Alert first(Notification n) {
    if (!n.firing().isEmpty()) {
      return n.firing().get(0);
    }
    return n.resolved().isEmpty() ? null : n.resolved().get(0);
  }

  /** A group label, else the value all alerts share, else "". */
  private static String common(Notification n, String label) {
    String group = n.groupLabels().get(label);
    if (group != null) {
      return group;
    }
    String value = null;
    for (List<Alert> list : List.of(n.firing(), n.resolved())) {
      for (Alert a : list) {
        String v = a.label(label);
        if (v == null || (value != null && !value.equals(v))) {
          return "";
        }
        value = v;
      }
    }
    return value == null ? "" : value;
  }

  private static String defaultTitle(Notification n, boolean zh, Map<String, String> vars) {
    if (n.test()) {
      return zh ? "[测试] Kubeward 通知渠道 " + n.channel() : "[TEST] Kubeward channel " + n.channel();
    }
    StringBuilder b = new StringBuilder("[").append(vars.get("status"));
    if (!n.firing().isEmpty()) {
      b.append(':').append(n.firing().size());
    }
    b.append("] ");
    String name = vars.get("alertname");
    b.append(name.isEmpty() ? (zh ? "告警组" : "alert group") : name);
    String cluster = vars.get("cluster");
    if (!cluster.isEmpty()) {
      b.append(zh ? "（集群 " + cluster + "）" : " (cluster " + cluster + ")");
    }
    return b.toString();
  }

  private static String defaultBody(Notification n, boolean zh, boolean markdown) {
    StringBuilder b = new StringBuilder();
    if (n.test()) {
      b.append(
          zh
              ? "这是 Kubeward 发送的测试消息，用于确认通知渠道 " + n.channel() + " 可以送达。"
              : "This is a test message from Kubeward: channel " + n.channel() + " delivers.");
      b.append("\n\n");
    }
    if (!n.firing().isEmpty()) {
      heading(b, (zh ? "告警中" : "Firing") + " (" + n.firing().size() + ")", markdown);
      list(b, n.firing(), zh, markdown);
    }
    if (!n.resolved().isEmpty()) {
      if (!n.firing().isEmpty()) {
        b.append('\n');
      }
      heading(b, (zh ? "已恢复" : "Resolved") + " (" + n.resolved().size() + ")", markdown);
      list(b, n.resolved(), zh, markdown);
    }
    return b.toString().strip();
  }

  private static void heading(StringBuilder b, String text, boolean markdown) {
    b.append(markdown ? "**" + text + "**" : text).append('\n');
  }

  private static void list(StringBuilder b, List<Alert> alerts, boolean zh, boolean markdown) {
    int shown = 0;
    for (Alert a : alerts) {
      if (shown == MAX_LISTED) {
        int more = alerts.size() - shown;
        b.append(zh ? "- 另有 " + more + " 条\n" : "- and " + more + " more\n");
        return;
      }
      shown++;
      line(b, a, zh, markdown);
    }
  }

  private static void line(StringBuilder b, Alert a, boolean zh, boolean markdown) {
    String name = a.label(AlertLabels.ALERTNAME);
    String summary = a.annotation(AlertLabels.SUMMARY, zh);
    String severity = a.severity().name().toLowerCase(java.util.Locale.ROOT);
    b.append("- ");
    b.append(markdown ? "**" + severity + "** " : "[" + severity + "] ");
    b.append(name == null ? a.rule().toString() : name);
    if (summary != null && !summary.isBlank()) {
      b.append(" — ").append(summary.strip());
    }
    b.append('\n');
    StringJoiner labels = new StringJoiner(", ");
    a.labels()
        .forEach(
            (k, v) -> {
              if (!k.equals(AlertLabels.ALERTNAME) && !k.equals(AlertLabels.SEVERITY)) {
                labels.add(k + "=" + v);
              }
            });
    b.append("  ").append(zh ? "标签：" : "Labels: ").append(labels).append('\n');
    Instant since = a.firingSince() != null ? a.firingSince() : a.activeSince();
    if (a.resolved() && a.resolvedAt() != null) {
      b.append("  ").append(zh ? "恢复于 " : "Resolved at ").append(TIME.format(a.resolvedAt()));
    } else {
      b.append("  ").append(zh ? "开始于 " : "Since ").append(TIME.format(since));
    }
    b.append('\n');
    String description = a.annotation(AlertLabels.DESCRIPTION, zh);
    if (description != null && !description.isBlank()) {
      b.append("  ").append(description.strip().replaceAll("\\s*\\n\\s*", " ")).append('\n');
    }
    String runbook = a.annotation(AlertLabels.RUNBOOK_URL, zh);
    if (runbook != null && !runbook.isBlank()) {
      b.append("  ")
          .append(zh ? "处理手册：" : "Runbook: ")
          .append(markdown ? "[" + runbook + "](" + runbook + ")" : runbook)
          .append('\n');
    }
  }

  private static String substitute(
      String template, Map<String, String> vars, Notification n, boolean zh, boolean markdown) {
    Matcher m = VARIABLE.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      String value;
      if (name.equals("alerts")) {
        value = defaultBody(n, zh, markdown);
      } else if (name.startsWith("labels.")) {
        value = common(n, name.substring(7));
      } else {
        value = vars.getOrDefault(name, "");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }
}
