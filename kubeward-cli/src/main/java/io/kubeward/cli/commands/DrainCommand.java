package io.kubeward.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubeward.cli.Durations;
import io.kubeward.cli.ExitCode;
import io.kubeward.cli.Json;
import io.kubeward.cli.KubewardClient;
import io.kubeward.cli.Table;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kubeward drain NODE}: with {@code --preview} what would happen to each pod; else cordons
 * and drains the node as a one-node maintenance (so it survives a restart of Kubeward) and follows
 * it pod by pod until the final report.
 */
@Command(
    name = "drain",
    description = {
      "Drain a node through the Eviction API, respecting PodDisruptionBudgets, and follow it pod by pod.",
      "With --preview: what would happen to each pod, and the verdict; nothing changes."
    })
public final class DrainCommand extends ApiCommand {

  @Parameters(paramLabel = "NODE")
  String node;

  @Option(
      names = "--preview",
      description = "Only show the plan: each pod's fate, its PDB, the verdict.")
  boolean preview;

  @Option(
      names = "--force",
      description = "Delete pods without a controller (recorded in the audit log).")
  boolean force;

  @Option(
      names = "--delete-emptydir-data",
      description = "Evict pods with emptyDir volumes (their data is lost).")
  boolean deleteEmptyDirData;

  @Option(
      names = "--grace-period",
      paramLabel = "SECONDS",
      description = "Grace period for the pods (default: each pod's own).")
  Integer gracePeriodSeconds;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      description = "Give up after this long, e.g. 10m (default: the server's, 30m).")
  String timeout;

  @Option(
      names = "--blocked-report-after",
      paramLabel = "DURATION",
      description = "Report a blocking PDB after this long (default: the server's, 5m).")
  String blockedReportAfter;

  @Option(
      names = "--detach",
      description = "Start the drain and return; follow it with kubeward maintenance watch.")
  boolean detach;

  @Mixin OutputOption output;

  @Override
  public Integer call() {
    String nodePath = clusterPath("/nodes/" + KubewardClient.segment(node));
    if (preview) {
      JsonNode plan =
          client()
              .get(
                  nodePath
                      + "/drain-preview?force="
                      + force
                      + "&deleteEmptyDirData="
                      + deleteEmptyDirData);
      if (!output.printedJson(out(), plan)) {
        printPlan(plan);
      }
      return ExitCode.OK;
    }
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.put("force", force);
    body.put("deleteEmptyDirData", deleteEmptyDirData);
    if (gracePeriodSeconds != null) {
      body.put("gracePeriodSeconds", gracePeriodSeconds);
    }
    if (timeout != null) {
      body.put("timeoutSeconds", seconds("--timeout", timeout));
    }
    if (blockedReportAfter != null) {
      body.put("blockedReportAfterSeconds", seconds("--blocked-report-after", blockedReportAfter));
    }
    body.put("uncordon", false);
    JsonNode maintenance = client().post(nodePath + "/drain", body);
    String name = Json.text(maintenance, "name");
    out().println(messages().get("drain.started", node, name));
    out().flush();
    if (detach) {
      return ExitCode.OK;
    }
    return new ProgressFollower(out(), messages(), context().clock(), node)
        .follow(client(), clusterPath("/maintenances/" + KubewardClient.segment(name)));
  }

  private long seconds(String option, String text) {
    try {
      Duration duration = Durations.parse(text);
      if (duration.isZero() || duration.isNegative()) {
        throw new IllegalArgumentException(text);
      }
      return duration.toSeconds();
    } catch (IllegalArgumentException e) {
      throw usage("usage.bad-duration", option, text);
    }
  }

  private void printPlan(JsonNode plan) {
    Table table = new Table("NAMESPACE", "POD", "OWNER", "FATE", "PDB", "ALLOWED", "REASON");
    for (JsonNode pod : plan.path("pods")) {
      String ownerKind = Json.text(pod, "ownerKind");
      table.row(
          Json.text(pod, "namespace"),
          Json.text(pod, "name"),
          ownerKind == null ? "-" : ownerKind + "/" + Json.text(pod, "ownerName"),
          Json.text(pod, "fate"),
          Json.text(pod, "pdb"),
          Json.text(pod, "disruptionsAllowed"),
          Json.text(pod, "reason"));
    }
    if (table.isEmpty()) {
      out().println(messages().get("drain.preview.no-pods", node));
    } else {
      table.print(out(), "");
    }
    String verdict = Json.text(plan, "verdict", "?");
    out()
        .println(
            messages()
                .get("drain.verdict", node, verdict, messages().get("drain.verdict." + verdict)));
  }
}
