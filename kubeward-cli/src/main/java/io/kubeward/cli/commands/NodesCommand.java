package io.kubeward.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubeward.cli.Durations;
import io.kubeward.cli.ExitCode;
import io.kubeward.cli.Json;
import io.kubeward.cli.KubewardClient;
import io.kubeward.cli.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kubeward nodes}: the cluster's nodes from Kubeward's cache. */
@Command(name = "nodes", description = "List the nodes: status, roles, zone, kubelet version, age.")
public final class NodesCommand extends ApiCommand {

  @Mixin OutputOption output;

  @Option(
      names = {"-l", "--selector"},
      paramLabel = "SELECTOR",
      description = "Only nodes matching this label selector (a=b,c!=d,...).")
  String selector;

  @Override
  public Integer call() {
    String query =
        "?limit=500&sort=name"
            + (selector == null ? "" : "&labelSelector=" + KubewardClient.query(selector));
    JsonNode list = client().get(clusterPath("/resources/nodes" + query));
    if (output.printedJson(out(), list)) {
      return ExitCode.OK;
    }
    Table table = new Table("NAME", "STATUS", "ROLES", "ZONE", "TAINTS", "VERSION", "AGE");
    Instant now = context().clock().instant();
    for (JsonNode node : list.path("items")) {
      table.row(
          Json.text(node, "name"),
          status(node),
          String.join(",", roles(node)),
          Json.text(node, "zone", "-"),
          node.path("taints").size(),
          Json.text(node, "kubeletVersion", Json.text(node.path("versions"), "kubelet", "-")),
          age(node, now));
    }
    if (table.isEmpty()) {
      out().println(messages().get("nodes.none", cluster()));
    } else {
      table.print(out(), "");
    }
    return ExitCode.OK;
  }

  /** {@code Ready}/{@code NotReady}, then {@code SchedulingDisabled} and true pressures. */
  static String status(JsonNode node) {
    List<String> parts = new ArrayList<>();
    parts.add(node.path("ready").asBoolean(false) ? "Ready" : "NotReady");
    if (node.path("unschedulable").asBoolean(false)) {
      parts.add("SchedulingDisabled");
    }
    node.path("pressures").forEach(p -> parts.add(p.asText()));
    return String.join(",", parts);
  }

  /**
   * The node's roles: the view's {@code roles}, else its {@code node-role.kubernetes.io/*} labels.
   */
  static List<String> roles(JsonNode node) {
    List<String> roles = new ArrayList<>();
    node.path("roles").forEach(r -> roles.add(r.asText()));
    if (roles.isEmpty()) {
      node.path("labels")
          .fieldNames()
          .forEachRemaining(
              key -> {
                if (key.startsWith("node-role.kubernetes.io/")) {
                  roles.add(key.substring("node-role.kubernetes.io/".length()));
                }
              });
    }
    if (roles.isEmpty()) {
      roles.add("<none>");
    }
    return roles;
  }

  static String age(JsonNode object, Instant now) {
    String created = Json.text(object, "createdAt");
    if (created == null) {
      return "-";
    }
    try {
      return Durations.age(Duration.between(Instant.parse(created), now));
    } catch (RuntimeException e) {
      return "-";
    }
  }
}
