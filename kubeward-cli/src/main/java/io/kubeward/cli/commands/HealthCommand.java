package io.kubeward.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubeward.cli.ExitCode;
import io.kubeward.cli.Json;
import io.kubeward.cli.KubewardClient;
import io.kubeward.cli.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kubeward health [--node N] [--all]}: node health detections. */
@Command(
    name = "health",
    description =
        "Node health detections (NotReady, pressure, flapping, ...): active ones, or all.")
public final class HealthCommand extends ApiCommand {

  @Option(names = "--node", paramLabel = "NODE", description = "Only this node.")
  String node;

  @Option(names = "--all", description = "Also detections that have ended.")
  boolean all;

  @Mixin OutputOption output;

  @Override
  public Integer call() {
    java.util.List<String> parameters = new java.util.ArrayList<>();
    if (!all) {
      parameters.add("active=true");
    }
    if (node != null) {
      parameters.add("node=" + KubewardClient.query(node));
    }
    String query =
        "/node-health" + (parameters.isEmpty() ? "" : "?" + String.join("&", parameters));
    JsonNode answer = client().get(clusterPath(query));
    if (output.printedJson(out(), answer)) {
      return ExitCode.OK;
    }
    Table table = new Table("NODE", "TYPE", "STARTED", "ENDED", "MESSAGE");
    for (JsonNode item : answer.path("items")) {
      table.row(
          Json.text(item, "node"),
          Json.text(item, "type"),
          Json.text(item, "startedAt"),
          Json.text(item, "endedAt"),
          Json.text(item, "message"));
    }
    if (table.isEmpty()) {
      out().println(messages().get("health.none", node == null ? cluster() : node));
    } else {
      table.print(out(), "");
    }
    return ExitCode.OK;
  }
}
