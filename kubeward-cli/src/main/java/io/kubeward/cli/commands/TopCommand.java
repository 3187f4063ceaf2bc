package io.kubeward.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubeward.cli.CliException;
import io.kubeward.cli.ExitCode;
import io.kubeward.cli.Json;
import io.kubeward.cli.KubewardClient;
import io.kubeward.cli.Quantities;
import io.kubeward.cli.Table;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code kubeward top nodes|pods}: live CPU and memory like {@code kubectl top}, from Kubeward's
 * usage API (the same numbers as the console). Where no metrics source answers, one sentence says
 * why and what to install, and the exit code is {@link ExitCode#NO_METRICS}.
 */
@Command(
    name = "top",
    description = "Live CPU and memory of nodes or pods, like kubectl top.",
    subcommands = {TopCommand.Nodes.class, TopCommand.Pods.class, CommandLine.HelpCommand.class})
public final class TopCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** How {@code --sort-by} orders the rows (most first), else by name. */
  enum SortBy {
    cpu,
    memory
  }

  /** {@code kubeward top nodes}. */
  @Command(name = "nodes", description = "CPU and memory used by each node, of its allocatable.")
  public static final class Nodes extends ApiCommand {

    @Mixin OutputOption output;

    @Option(
        names = "--sort-by",
        paramLabel = "cpu|memory",
        description = "Most CPU or memory used first (default: by name).")
    SortBy sortBy;

    @Override
    public Integer call() {
      JsonNode answer = client().get(clusterPath("/usage/nodes"));
      boolean json = output.printedJson(out(), answer);
      requireMetrics(answer, this);
      if (json) {
        return ExitCode.OK;
      }
      List<JsonNode> nodes = new ArrayList<>();
      answer.path("items").forEach(nodes::add);
      sort(nodes, sortBy);
      Table table = new Table("NAME", "CPU(cores)", "CPU(%)", "MEMORY(bytes)", "MEMORY(%)");
      for (JsonNode node : nodes) {
        JsonNode cpu = node.path("cpu");
        JsonNode memory = node.path("memory");
        if (used(cpu) < 0) {
          table.row(Json.text(node, "name"), "<unknown>", "<unknown>", "<unknown>", "<unknown>");
          continue;
        }
        long cpuUsed = cpu.path("used").asLong();
        long memoryUsed = memory.path("used").asLong();
        table.row(
            Json.text(node, "name"),
            Quantities.cpu(cpuUsed),
            Quantities.percent(cpuUsed, cpu.path("allocatable").asLong()),
            Quantities.memory(memoryUsed),
            Quantities.percent(memoryUsed, memory.path("allocatable").asLong()));
      }
      if (table.isEmpty()) {
        out().println(messages().get("nodes.none", cluster()));
      } else {
        table.print(out(), "");
      }
      return ExitCode.OK;
    }
  }

  /** {@code kubeward top pods}. */
  @Command(name = "pods", description = "CPU and memory used by pods (and their containers).")
  public static final class Pods extends ApiCommand {

    /** Pages fetched at most (500 pods each). */
    static final int MAX_PAGES = 2000;

    @Mixin OutputOption output;

    @Option(
        names = {"-n", "--namespace"},
        paramLabel = "NAMESPACE",
        description = "The namespace (default: default).")
    String namespace;

    @Option(
        names = {"-A", "--all-namespaces"},
        description = "Pods of every namespace you may list.")
    boolean allNamespaces;

    @Option(
        names = {"-l", "--selector"},
        paramLabel = "SELECTOR",
        description = "Only pods matching this label selector (a=b,c!=d,...).")
    String selector;

    @Option(names = "--containers", description = "One row per container.")
    boolean containers;

    @Option(
        names = "--sort-by",
        paramLabel = "cpu|memory",
        description = "Most CPU or memory used first (default: by namespace and name).")
    SortBy sortBy;

    @Override
    public Integer call() {
      if (allNamespaces && namespace != null) {
        throw usage("top.namespace-and-all");
      }
      String base = "/usage/pods?limit=500&sort=" + (sortBy == null ? "name" : sortBy.name());
      if (!allNamespaces) {
        base += "&namespace=" + KubewardClient.query(namespace == null ? "default" : namespace);
      }
      if (selector != null) {
        base += "&labelSelector=" + KubewardClient.query(selector);
      }
      ObjectNode answer = null;
      ArrayNode items = Json.MAPPER.createArrayNode();
      String next = null;
      for (int page = 0; page < MAX_PAGES; page++) {
        JsonNode part =
            client()
                .get(
                    clusterPath(
                        base + (next == null ? "" : "&continue=" + KubewardClient.query(next))));
        if (answer == null) {
          answer = part.deepCopy();
        }
        part.path("items").forEach(items::add);
        next = Json.text(part, "continue");
        if (next == null) {
          break;
        }
      }
      answer.set("items", items);
      answer.putNull("continue");
      boolean json = output.printedJson(out(), answer);
      requireMetrics(answer, this);
      if (json) {
        return ExitCode.OK;
      }
      List<JsonNode> pods = new ArrayList<>();
      for (JsonNode pod : items) {
        if (used(pod.path("cpu")) >= 0) {
          pods.add(pod);
        }
      }
      sort(pods, sortBy);
      Table table = containers ? containerTable(pods) : podTable(pods);
      if (table.isEmpty()) {
        out()
            .println(
                allNamespaces
                    ? messages().get("top.no-pods-anywhere", cluster())
                    : messages().get("top.no-pods", namespace == null ? "default" : namespace));
      } else {
        table.print(out(), "");
      }
      return ExitCode.OK;
    }

    private Table podTable(List<JsonNode> pods) {
      Table table =
          allNamespaces
              ? new Table("NAMESPACE", "NAME", "CPU(cores)", "MEMORY(bytes)")
              : new Table("NAME", "CPU(cores)", "MEMORY(bytes)");
      for (JsonNode pod : pods) {
        String cpu = Quantities.cpu(pod.path("cpu").path("used").asLong());
        String memory = Quantities.memory(pod.path("memory").path("used").asLong());
        if (allNamespaces) {
          table.row(Json.text(pod, "namespace"), Json.text(pod, "name"), cpu, memory);
        } else {
          table.row(Json.text(pod, "name"), cpu, memory);
        }
      }
      return table;
    }

    private Table containerTable(List<JsonNode> pods) {
      Table table =
          allNamespaces
              ? new Table("NAMESPACE", "POD", "NAME", "CPU(cores)", "MEMORY(bytes)")
              : new Table("POD", "NAME", "CPU(cores)", "MEMORY(bytes)");
      for (JsonNode pod : pods) {
        for (JsonNode container : pod.path("containers")) {
          long cpu = used(container.path("cpu"));
          if (cpu < 0) {
            continue;
          }
          String cpuText = Quantities.cpu(cpu);
          String memoryText = Quantities.memory(Math.max(0, used(container.path("memory"))));
          if (allNamespaces) {
            table.row(
                Json.text(pod, "namespace"),
                Json.text(pod, "name"),
                Json.text(container, "name"),
                cpuText,
                memoryText);
          } else {
            table.row(Json.text(pod, "name"), Json.text(container, "name"), cpuText, memoryText);
          }
        }
      }
      return table;
    }
  }

  /**
   * @throws CliException {@link ExitCode#NO_METRICS} with the server's sentence (in the CLI's
   *     language) when no metrics source answers
   */
  static void requireMetrics(JsonNode answer, ApiCommand command) {
    JsonNode source = answer.path("source");
    if ("none".equals(Json.text(source, "kind"))) {
      String message = Json.text(source, "message");
      if (message == null) {
        message = command.messages().get("top.no-metrics", Json.text(source, "installHint", "-"));
      }
      throw new CliException(ExitCode.NO_METRICS, message);
    }
  }

  /** The {@code used} of an amount, -1 when unknown. */
  static long used(JsonNode amount) {
    JsonNode used = amount.path("used");
    return used.isNumber() ? used.asLong() : -1;
  }

  /** Most used first by {@code sortBy} (then by name), else as the server sent them. */
  static void sort(List<JsonNode> rows, SortBy sortBy) {
    if (sortBy == null) {
      return;
    }
    String field = sortBy == SortBy.cpu ? "cpu" : "memory";
    rows.sort(
        Comparator.comparingLong((JsonNode row) -> used(row.path(field)))
            .reversed()
            .thenComparing(row -> Json.text(row, "namespace", ""))
            .thenComparing(row -> Json.text(row, "name", "")));
  }
}
