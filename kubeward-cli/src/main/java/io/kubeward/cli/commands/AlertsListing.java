package io.kubeward.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubeward.cli.ExitCode;
import io.kubeward.cli.Json;
import io.kubeward.cli.Table;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options and output of {@code kubeward alerts [list]}. */
abstract class AlertsListing extends ApiCommand {
  @Option(
      names = "--state",
      paramLabel = "STATES",
      description = "Comma-separated: pending, firing, resolved (default: all).")
  String state;

  @Option(
      names = "--severity",
      paramLabel = "SEVERITIES",
      description = "Comma-separated: critical, warning, info.")
  String severity;

  @Option(names = "--rule", paramLabel = "RULE", description = "name, ns/name or kubeward:name.")
  String rule;

  @Option(
      names = {"-m", "--matcher"},
      paramLabel = "MATCHER",
      description = "A label matcher, e.g. namespace=\"shop\" or node=~\"worker-.*\"; repeatable.")
  List<String> matchers = new ArrayList<>();

  @Option(names = "--limit", paramLabel = "N", description = "How many (default ${DEFAULT-VALUE}).")
  int limit = 50;

  @Mixin OutputOption output;

  @Override
  public Integer call() {
    StringBuilder query = new StringBuilder("/api/v1/alerts?limit=").append(limit);
    AlertsCommand.append(query, "cluster", clusterOption);
    AlertsCommand.append(query, "state", state);
    AlertsCommand.append(query, "severity", severity);
    AlertsCommand.append(query, "rule", rule);
    for (String matcher : matchers) {
      AlertsCommand.append(query, "matcher", matcher);
    }
    JsonNode answer = client().get(query.toString());
    if (output.printedJson(out(), answer)) {
      return ExitCode.OK;
    }
    Table table =
        new Table("STATE", "SEVERITY", "ALERT", "CLUSTER", "SUBJECT", "SINCE", "FINGERPRINT");
    for (JsonNode a : answer.path("items")) {
      table.row(
          Json.text(a, "state"),
          Json.text(a, "severity"),
          Json.text(a, "alertname", Json.text(a, "rule")),
          Json.text(a, "cluster", "-"),
          AlertsCommand.subject(a.path("labels")),
          Json.text(a, "firing".equals(Json.text(a, "state")) ? "firingSince" : "activeSince"),
          Json.text(a, "fingerprint"));
    }
    if (table.isEmpty()) {
      out().println(messages().get("alerts.none"));
    } else {
      table.print(out(), "");
      int total = answer.path("total").asInt();
      if (total > answer.path("items").size()) {
        out().println(messages().get("alerts.more", answer.path("items").size(), total));
      }
    }
    return ExitCode.OK;
  }
}
