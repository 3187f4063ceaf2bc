package io.kubeward.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubeward.cli.ExitCode;
import io.kubeward.cli.Json;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code kubeward overview}: the cluster at a glance, as the console's first page shows it. While
 * Kubeward is still loading the cluster the server answers what it has listed so far, marked
 * loading (ADR 0057): the command says so in its first line and names the kinds still loading.
 */
@Command(
    name = "overview",
    description =
        "The cluster at a glance: nodes, pods by phase and problem, deployments, namespaces,"
            + " services; says LOADING while Kubeward is still reading the cluster.")
public final class OverviewCommand extends ApiCommand {

  @Mixin OutputOption output;

  @Override
  public Integer call() {
    JsonNode overview = client().get(clusterPath("/overview"));
    if (output.printedJson(out(), overview)) {
      return ExitCode.OK;
    }
    out()
        .println(
            messages()
                .get(
                    "overview.header",
                    Json.text(overview, "cluster"),
                    Json.text(overview, "kubernetesVersion", "?")));
    if (overview.path("loading").asBoolean()) {
      out().println(messages().get("overview.loading", stillLoading(overview)));
    }
    JsonNode nodes = overview.path("nodes");
    if (nodes.isObject()) {
      out()
          .println(
              messages()
                  .get(
                      "overview.nodes",
                      nodes.path("total").asInt(),
                      nodes.path("ready").asInt(),
                      nodes.path("notReady").asInt(),
                      nodes.path("unschedulable").asInt()));
    } else {
      out().println(messages().get("overview.nodes-hidden"));
    }
    JsonNode pods = overview.path("pods");
    out()
        .println(
            messages()
                .get(
                    "overview.pods",
                    pods.path("total").asInt(),
                    counts(pods.path("byPhase")),
                    pods.path("withProblems").asInt()));
    String problems = counts(pods.path("byProblem"));
    if (!problems.isEmpty()) {
      out().println(messages().get("overview.problems", problems));
    }
    JsonNode deployments = overview.path("deployments");
    out()
        .println(
            messages()
                .get(
                    "overview.deployments",
                    deployments.path("total").asInt(),
                    deployments.path("available").asInt(),
                    deployments.path("unavailable").asInt()));
    out()
        .println(
            messages()
                .get(
                    "overview.namespaces",
                    overview.path("namespaces").asInt(),
                    overview.path("services").asInt()));
    return ExitCode.OK;
  }

  /** "pods (12,000 so far), services" — each kind not yet synced with what is counted so far. */
  private String stillLoading(JsonNode overview) {
    List<String> kinds = new ArrayList<>();
    for (JsonNode kind : overview.path("kinds")) {
      if (kind.path("synced").asBoolean(true)) {
        continue;
      }
      JsonNode objects = kind.path("objects");
      kinds.add(
          objects.isNumber()
              ? messages().get("overview.loading-kind", Json.text(kind, "kind"), objects.asInt())
              : Json.text(kind, "kind"));
    }
    return String.join(", ", kinds);
  }

  /** "Running 1,110, Pending 5": the non-zero counts of a map, in the server's order. */
  private String counts(JsonNode byName) {
    NumberFormat number = NumberFormat.getIntegerInstance(messages().locale());
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, JsonNode> entry : byName.properties()) {
      if (entry.getValue().asInt() > 0) {
        parts.add(entry.getKey() + " " + number.format(entry.getValue().asInt()));
      }
    }
    return String.join(", ", parts);
  }
}
