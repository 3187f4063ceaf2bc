package io.kubeward.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubeward.cli.Durations;
import io.kubeward.cli.ExitCode;
import io.kubeward.cli.Json;
import io.kubeward.cli.KubewardClient;
import io.kubeward.cli.Table;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kubeward alerts [list|show|history]}: the alerts the caller may see (ADR 0031), one alert
 * with its history, the alerting history. Without a subcommand it lists. Unlike most commands it
 * covers every cluster unless {@code --cluster} names one.
 */
@Command(
    name = "alerts",
    description =
        "Alerts you may see (firing first), every cluster unless --cluster names one; show one"
            + " with its history; the alerting history.",
    subcommands = {
      AlertsCommand.ListAlerts.class,
      AlertsCommand.Show.class,
      AlertsCommand.History.class
    })
public final class AlertsCommand extends AlertsListing {

  /** {@code alerts list}. */
  @Command(name = "list", aliases = "ls", description = "List the alerts (the default).")
  public static final class ListAlerts extends AlertsListing {}

  /** {@code alerts show FINGERPRINT}. */
  @Command(name = "show", description = "Show one alert: labels, annotations and its history.")
  public static final class Show extends ApiCommand {
    @Parameters(
        paramLabel = "FINGERPRINT",
        description = "The alert's fingerprint (16 hex digits).")
    String fingerprint;

    @Mixin OutputOption output;

    @Override
    public Integer call() {
      StringBuilder path =
          new StringBuilder("/api/v1/alerts/").append(KubewardClient.segment(fingerprint));
      if (clusterOption != null && !clusterOption.isBlank()) {
        path.append("?cluster=").append(KubewardClient.query(clusterOption));
      }
      JsonNode answer = client().get(path.toString());
      if (output.printedJson(out(), answer)) {
        return ExitCode.OK;
      }
      JsonNode a = answer.path("alert");
      boolean zh = "zh".equals(messages().locale().getLanguage());
      line("alerts.field.alert", Json.text(a, "alertname", Json.text(a, "rule")));
      line("alerts.field.state", Json.text(a, "state"));
      line("alerts.field.severity", Json.text(a, "severity"));
      line("alerts.field.rule", Json.text(a, "rule"));
      line("alerts.field.scope", Json.text(a, "scope"));
      line("alerts.field.active-since", Json.text(a, "activeSince"));
      line("alerts.field.firing-since", Json.text(a, "firingSince", "-"));
      line("alerts.field.resolved-at", Json.text(a, "resolvedAt", "-"));
      line("alerts.field.summary", annotation(a.path("annotations"), "summary", zh));
      line("alerts.field.description", annotation(a.path("annotations"), "description", zh));
      line("alerts.field.runbook", annotation(a.path("annotations"), "runbook_url", zh));
      out().println(messages().get("alerts.field.labels"));
      for (Map.Entry<String, JsonNode> label : a.path("labels").properties()) {
        out().printf("  %s=%s%n", label.getKey(), label.getValue().asText());
      }
      printHistory(answer.path("history"));
      return ExitCode.OK;
    }

    private void line(String key, String value) {
      out().printf("%-16s %s%n", messages().get(key) + ":", value == null ? "-" : value);
    }

    private void printHistory(JsonNode entries) {
      Table table = historyTable();
      for (JsonNode e : entries) {
        historyRow(table, e);
      }
      out().println();
      if (table.isEmpty()) {
        out().println(messages().get("alerts.history.none"));
      } else {
        table.print(out(), "");
      }
    }
  }

  /** {@code alerts history}. */
  @Command(
      name = "history",
      description = "The alerting history, newest first: transitions, silences, notifications.")
  public static final class History extends ApiCommand {
    @Option(names = "--fingerprint", paramLabel = "FP", description = "One alert's history.")
    String fingerprint;

    @Option(names = "--rule", paramLabel = "RULE", description = "One rule's history.")
    String rule;

    @Option(names = "--channel", paramLabel = "NAME", description = "One channel's deliveries.")
    String channel;

    @Option(
        names = "--kind",
        paramLabel = "KINDS",
        description =
            "Comma-separated: firing, resolved, silenced, inhibited, muted, silence, notification.")
    String kind;

    @Option(
        names = "--since",
        paramLabel = "DURATION",
        description = "How far back, e.g. 90m or 24h (default: everything kept).")
    String since;

    @Option(
        names = "--limit",
        paramLabel = "N",
        description = "How many (default ${DEFAULT-VALUE}).")
    int limit = 50;

    @Mixin OutputOption output;

    @Override
    public Integer call() {
      StringBuilder query = new StringBuilder("/api/v1/alerts/history?limit=").append(limit);
      append(query, "cluster", clusterOption);
      append(query, "fingerprint", fingerprint);
      append(query, "rule", rule);
      append(query, "channel", channel);
      append(query, "kind", kind);
      if (since != null) {
        Duration back;
        try {
          back = Durations.parse(since);
        } catch (IllegalArgumentException e) {
          throw usage("usage.bad-duration", "--since", since);
        }
        if (back.isZero() || back.isNegative()) {
          throw usage("usage.bad-duration", "--since", since);
        }
        append(query, "from", context().clock().instant().minus(back).toString());
      }
      JsonNode answer = client().get(query.toString());
      if (output.printedJson(out(), answer)) {
        return ExitCode.OK;
      }
      Table table = historyTable();
      for (JsonNode e : answer.path("items")) {
        historyRow(table, e);
      }
      if (table.isEmpty()) {
        out().println(messages().get("alerts.history.none"));
      } else {
        table.print(out(), "");
      }
      return ExitCode.OK;
    }
  }

  static Table historyTable() {
    return new Table("AT", "KIND", "SCOPE", "RULE", "CHANNEL", "RESULT", "DETAIL");
  }

  static void historyRow(Table table, JsonNode e) {
    String result = Json.text(e, "result");
    if (result != null && e.path("attempt").asInt() > 0) {
      result = result + " #" + e.path("attempt").asInt();
      if (e.hasNonNull("latencyMillis")) {
        result = result + " " + e.path("latencyMillis").asLong() + "ms";
      }
    }
    String detail = Json.text(e, "error", Json.text(e, "detail", ""));
    table.row(
        Json.text(e, "at"),
        Json.text(e, "kind"),
        Json.text(e, "scope"),
        Json.text(e, "rule", "-"),
        Json.text(e, "channel", "-"),
        result == null ? "-" : result,
        detail.length() > 120 ? detail.substring(0, 117) + "..." : detail);
  }

  /** What the alert is about: namespace/pod, node, kind/name, else the cluster-level "-". */
  static String subject(JsonNode labels) {
    String namespace = Json.text(labels, "namespace");
    String pod = Json.text(labels, "pod");
    String node = Json.text(labels, "node");
    String kind = Json.text(labels, "kind");
    String name = Json.text(labels, "name");
    if (pod != null) {
      return (namespace == null ? "" : namespace + "/") + pod;
    }
    if (kind != null && name != null) {
      return kind + "/" + (namespace == null ? "" : namespace + "/") + name;
    }
    if (node != null) {
      return "node/" + node;
    }
    return namespace == null ? "-" : namespace;
  }

  static String annotation(JsonNode annotations, String name, boolean zh) {
    if (zh) {
      String chinese = Json.text(annotations, name + ".zh-CN");
      if (chinese != null) {
        return chinese;
      }
    }
    return Json.text(annotations, name);
  }

  static void append(StringBuilder query, String key, String value) {
    if (value != null && !value.isBlank()) {
      query.append('&').append(key).append('=').append(KubewardClient.query(value));
    }
  }
}
