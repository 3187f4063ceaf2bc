package io.kubeward.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubeward.cli.ExitCode;
import io.kubeward.cli.Json;
import io.kubeward.cli.KubewardClient;
import io.kubeward.cli.Table;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code kubeward problems}: the pods with a problem across every cluster the caller may read
 * (issue 19, ADR 0060), clusters that did not answer named below the table. Unlike other commands,
 * {@code --cluster} only narrows the search: without it every cluster is searched, not the default.
 */
@Command(
    name = "problems",
    description =
        "Pods with a problem (CrashLoopBackOff, ImagePullBackOff, OOMKilled, Unschedulable, ...)"
            + " across every cluster you may read; clusters that are away are named.")
public final class ProblemsCommand extends ApiCommand {

  @Option(
      names = {"-n", "--namespace"},
      paramLabel = "NAMESPACE",
      description = "Only this namespace.")
  String namespace;

  @Option(
      names = "--reason",
      paramLabel = "REASON",
      description = "Only this problem (as kubectl shows it, e.g. CrashLoopBackOff); default any.")
  String reason;

  @Option(
      names = "--limit",
      paramLabel = "N",
      description = "At most N pods (1-500, default 50); the summary counts all.")
  String limit;

  @Mixin OutputOption output;

  @Override
  public Integer call() {
    JsonNode answer = client().get("/api/v1/problem-pods" + query());
    if (output.printedJson(out(), answer)) {
      return ExitCode.OK;
    }
    Table table =
        new Table("CLUSTER", "NAMESPACE", "NAME", "PROBLEM", "PHASE", "READY", "RESTARTS", "NODE");
    for (JsonNode item : answer.path("items")) {
      JsonNode pod = item.path("pod");
      table.row(
          Json.text(item, "cluster"),
          Json.text(pod, "namespace"),
          Json.text(pod, "name"),
          Json.text(pod, "problem"),
          Json.text(pod, "phase", "-"),
          Json.text(pod, "ready", "-"),
          Json.text(pod, "restarts", "0"),
          Json.text(pod, "nodeName", "-"));
    }
    int clusters = answer.path("clusters").size();
    if (table.isEmpty()) {
      out().println(messages().get("problems.none", clusters));
    } else {
      table.print(out(), "");
      out()
          .println(
              messages()
                  .get(
                      "problems.summary",
                      answer.path("items").size(),
                      Json.text(answer, "total"),
                      clusters));
    }
    for (JsonNode cluster : answer.path("clusters")) {
      if (!"READY".equals(Json.text(cluster, "availability"))) {
        out()
            .println(
                messages()
                    .get(
                        "problems.away",
                        Json.text(cluster, "cluster"),
                        Json.text(cluster, "availability"),
                        Json.text(cluster, "message", "-")));
      }
    }
    if (!answer.path("complete").asBoolean(true)) {
      out().println(messages().get("problems.incomplete"));
    }
    return ExitCode.OK;
  }

  private String query() {
    List<String> parameters = new ArrayList<>();
    add(parameters, "cluster", clusterOption);
    add(parameters, "namespace", namespace);
    add(parameters, "reason", reason);
    add(parameters, "limit", limit);
    return parameters.isEmpty() ? "" : "?" + String.join("&", parameters);
  }

  private static void add(List<String> parameters, String name, String value) {
    if (value != null && !value.isBlank()) {
      parameters.add(name + "=" + KubewardClient.query(value.strip()));
    }
  }
}
