package io.kubeward.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubeward.cli.Json;
import io.kubeward.cli.Messages;
import io.kubeward.cli.Table;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Prints the node detail of {@code GET /nodes/{node}} like {@code kubectl describe}, shorter. */
final class NodeDetailPrinter {

  private final PrintWriter out;
  private final Messages messages;
  private final Clock clock;

  NodeDetailPrinter(PrintWriter out, Messages messages, Clock clock) {
    this.out = out;
    this.messages = messages;
    this.clock = clock;
  }

  void print(JsonNode node) {
    field("detail.name", Json.text(node, "name"));
    field("detail.roles", String.join(",", NodesCommand.roles(node)));
    field("detail.zone", Json.text(node, "zone", "-"));
    field(
        "detail.schedulable",
        messages.get(
            node.path("unschedulable").asBoolean(false) ? "detail.cordoned" : "detail.yes"));
    if (node.hasNonNull("heartbeatAgeSeconds")) {
      field("detail.heartbeat", node.get("heartbeatAgeSeconds").asLong() + " s");
    }
    JsonNode versions = node.path("versions");
    if (versions.isObject()) {
      List<String> parts = new ArrayList<>();
      versions.fields().forEachRemaining(e -> parts.add(e.getKey() + " " + e.getValue().asText()));
      field("detail.versions", String.join(", ", parts));
    }
    list("detail.labels", node.path("labels").isObject() ? labels(node) : List.of());
    List<String> taints = new ArrayList<>();
    for (JsonNode taint : node.path("taints")) {
      String value = Json.text(taint, "value");
      taints.add(
          Json.text(taint, "key")
              + (value == null || value.isEmpty() ? "" : "=" + value)
              + ":"
              + Json.text(taint, "effect"));
    }
    list("detail.taints", taints);
    conditions(node.path("conditions"));
    resources(node);
    pods(node.path("pods"));
    health(node.path("health"));
    out.flush();
  }

  private List<String> labels(JsonNode node) {
    List<String> labels = new ArrayList<>();
    node.path("labels")
        .fields()
        .forEachRemaining(e -> labels.add(e.getKey() + "=" + e.getValue().asText()));
    return labels;
  }

  private void field(String key, String value) {
    out.printf("%-16s %s%n", messages.get(key) + ":", value);
  }

  private void list(String key, List<String> values) {
    if (values.isEmpty()) {
      field(key, "<none>");
      return;
    }
    field(key, values.get(0));
    values.stream().skip(1).forEach(v -> out.printf("%-16s %s%n", "", v));
  }

  private void conditions(JsonNode conditions) {
    if (!conditions.isArray() || conditions.isEmpty()) {
      return;
    }
    out.println(messages.get("detail.conditions") + ":");
    Table table = new Table("TYPE", "STATUS", "REASON", "SINCE", "MESSAGE");
    for (JsonNode c : conditions) {
      table.row(
          Json.text(c, "type"),
          Json.text(c, "status"),
          Json.text(c, "reason"),
          NodesCommand.age(objectWithCreated(Json.text(c, "since")), clock.instant()),
          Json.text(c, "message"));
    }
    table.print(out, "  ");
  }

  private static JsonNode objectWithCreated(String since) {
    return Json.MAPPER.createObjectNode().put("createdAt", since);
  }

  private void resources(JsonNode node) {
    String[] rows = {"capacity", "allocatable", "requested", "limits"};
    Table table = new Table("", "CPU", "MEMORY", "PODS", "EPHEMERAL-STORAGE");
    for (String row : rows) {
      JsonNode r = node.path(row);
      if (r.isObject()) {
        table.row(
            row,
            cpu(r.path("cpuMillis")),
            bytes(r.path("memoryBytes")),
            r.path("pods").isMissingNode() || r.path("pods").isNull()
                ? "-"
                : r.path("pods").asText(),
            bytes(r.path("ephemeralStorageBytes")));
      }
    }
    if (!table.isEmpty()) {
      out.println(messages.get("detail.resources") + ":");
      table.print(out, "  ");
    }
  }

  private void pods(JsonNode pods) {
    if (!pods.isArray()) {
      return;
    }
    out.println(messages.get("detail.pods", pods.size()) + ":");
    if (pods.isEmpty()) {
      return;
    }
    Table table = new Table("NAMESPACE", "NAME", "OWNER", "STATUS", "READY", "RESTARTS");
    for (JsonNode pod : pods) {
      String ownerKind = Json.text(pod, "ownerKind");
      table.row(
          Json.text(pod, "namespace"),
          Json.text(pod, "name"),
          ownerKind == null ? "-" : ownerKind + "/" + Json.text(pod, "ownerName"),
          Json.text(pod, "status"),
          Json.text(pod, "ready"),
          Json.text(pod, "restarts"));
    }
    table.print(out, "  ");
  }

  private void health(JsonNode health) {
    if (!health.isArray() || health.isEmpty()) {
      return;
    }
    out.println(messages.get("detail.health") + ":");
    Table table = new Table("TYPE", "STARTED", "ENDED", "MESSAGE");
    for (JsonNode h : health) {
      table.row(
          Json.text(h, "type"),
          Json.text(h, "startedAt"),
          Json.text(h, "endedAt"),
          Json.text(h, "message"));
    }
    table.print(out, "  ");
  }

  static String cpu(JsonNode millis) {
    if (millis.isMissingNode() || millis.isNull()) {
      return "-";
    }
    long m = millis.asLong();
    return m % 1000 == 0 ? String.valueOf(m / 1000) : m + "m";
  }

  static String bytes(JsonNode bytes) {
    if (bytes.isMissingNode() || bytes.isNull()) {
      return "-";
    }
    long b = bytes.asLong();
    String[] units = {"", "Ki", "Mi", "Gi", "Ti"};
    int unit = 0;
    double value = b;
    while (value >= 1024 && unit < units.length - 1 && value % 1024 == 0) {
      value /= 1024;
      unit++;
    }
    while (value >= 10 * 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return (value == Math.rint(value) ? String.valueOf((long) value) : String.format("%.1f", value))
        + units[unit];
  }
}
