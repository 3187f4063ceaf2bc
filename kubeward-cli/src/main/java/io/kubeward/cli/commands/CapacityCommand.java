package io.kubeward.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubeward.cli.ExitCode;
import io.kubeward.cli.Json;
import io.kubeward.cli.Quantities;
import io.kubeward.cli.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code kubeward capacity}: allocatable, requested, used and what can still be requested per node
 * pool (or zone) under the headroom policy, and the days until CPU and memory demand reach
 * allocatable − headroom (issue 17, ADR 0049).
 */
@Command(
    name = "capacity",
    description = "Capacity per node pool or zone, with headroom and days to exhaustion.")
public final class CapacityCommand extends ApiCommand {

  @Mixin OutputOption output;

  @Option(names = "--zones", description = "Group by zone instead of node pool.")
  boolean zones;

  @Option(names = "--no-forecast", description = "Skip the forecasts (faster).")
  boolean noForecast;

  @Override
  public Integer call() {
    JsonNode report = client().get(clusterPath("/capacity?forecast=" + !noForecast));
    if (output.printedJson(out(), report)) {
      return ExitCode.OK;
    }
    out().println(messages().get("capacity.policy", report.path("headroomPercent").asInt()));
    Table table =
        new Table(
            zones ? "ZONE" : "POOL",
            "NODES",
            "CPU(alloc/req/used)",
            "CPU(free)",
            "MEMORY(alloc/req/used)",
            "MEMORY(free)",
            "PODS(alloc/req)",
            "CPU-EXHAUSTION",
            "MEMORY-EXHAUSTION");
    row(table, report.path("total"));
    for (JsonNode group : report.path(zones ? "zones" : "pools")) {
      row(table, group);
    }
    table.print(out(), "");
    return ExitCode.OK;
  }

  private void row(Table table, JsonNode group) {
    JsonNode cpu = group.path("cpu");
    JsonNode memory = group.path("memory");
    JsonNode pods = group.path("pods");
    String name = Json.text(group, "name");
    table.row(
        "cluster".equals(Json.text(group, "kind")) ? "(cluster " + name + ")" : name,
        group.path("nodeNames").size(),
        Quantities.cpu(cpu.path("allocatable").asLong())
            + "/"
            + Quantities.cpu(cpu.path("requested").asLong())
            + "/"
            + (cpu.path("used").isNumber() ? Quantities.cpu(cpu.path("used").asLong()) : "-"),
        Quantities.cpu(cpu.path("requestable").asLong()),
        Quantities.memory(memory.path("allocatable").asLong())
            + "/"
            + Quantities.memory(memory.path("requested").asLong())
            + "/"
            + (memory.path("used").isNumber()
                ? Quantities.memory(memory.path("used").asLong())
                : "-"),
        Quantities.memory(memory.path("requestable").asLong()),
        pods.path("allocatable").asLong() + "/" + pods.path("requested").asLong(),
        exhaustion(group, "cpu"),
        exhaustion(group, "memory"));
  }

  private String exhaustion(JsonNode group, String resource) {
    for (JsonNode f : group.path("forecasts")) {
      if (resource.equals(Json.text(f, "resource"))) {
        return switch (Json.text(f, "outlook")) {
          case "exhausted" -> messages().get("capacity.exhausted");
          case "within-horizon" ->
              messages()
                  .get("capacity.days", (long) Math.floor(f.path("daysToExhaustion").asDouble()));
          case "not-within-horizon" ->
              messages().get("capacity.not-within", f.path("horizonDays").asInt());
          default -> messages().get("capacity.unknown");
        };
      }
    }
    return "-";
  }
}
