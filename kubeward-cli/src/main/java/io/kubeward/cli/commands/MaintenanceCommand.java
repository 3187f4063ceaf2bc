package io.kubeward.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubeward.cli.ExitCode;
import io.kubeward.cli.Json;
import io.kubeward.cli.KubewardClient;
import io.kubeward.cli.Table;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kubeward maintenance list|get|create|preview|pause|resume|cancel|watch}. */
@Command(
    name = "maintenance",
    aliases = "nm",
    description =
        "Rolling node maintenances (NodeMaintenance): create with a preview, watch, pause, resume, cancel.",
    subcommands = {
      MaintenanceCommand.ListMaintenances.class,
      MaintenanceCommand.Get.class,
      MaintenanceCommand.Create.class,
      MaintenanceCommand.Preview.class,
      MaintenanceCommand.Pause.class,
      MaintenanceCommand.Resume.class,
      MaintenanceCommand.Cancel.class,
      MaintenanceCommand.Watch.class
    })
public final class MaintenanceCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help.")
  boolean help;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(),
        "Missing subcommand: list, get, create, preview, pause, resume, cancel or watch");
  }

  /** A command on the maintenances of the cluster. */
  abstract static class MaintenanceApi extends ApiCommand {
    String maintenancesPath() {
      return clusterPath("/maintenances");
    }

    String maintenancePath(String name) {
      return maintenancesPath() + "/" + KubewardClient.segment(name);
    }

    /** A NodeMaintenance file (YAML or JSON): the whole object, or only its spec (+ name). */
    ObjectNode specFrom(Path file) {
      JsonNode document;
      try {
        document = Json.YAML.readTree(Files.readString(file, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw usage("maintenance.unreadable-file", file, e.getMessage());
      }
      if (document == null || !document.isObject()) {
        throw usage("maintenance.not-an-object", file);
      }
      if (document.has("spec")) {
        ObjectNode spec = ((ObjectNode) document.get("spec")).deepCopy();
        String name = Json.text(document.path("metadata"), "name");
        if (name != null) {
          spec.put("name", name);
        }
        return spec;
      }
      return (ObjectNode) document;
    }

    void printDetail(JsonNode view) {
      out().printf("%-12s %s%n", messages().get("column.name") + ":", Json.text(view, "name"));
      out().printf("%-12s %s%n", messages().get("column.phase") + ":", Json.text(view, "phase"));
      String message = Json.text(view, "message");
      if (message != null) {
        out().printf("%-12s %s%n", messages().get("column.message") + ":", message);
      }
      out()
          .printf(
              "%-12s %s, %s%n",
              messages().get("column.created") + ":",
              Json.text(view, "createdBy", "-"),
              Json.text(view, "createdAt", "-"));
      Table nodes = new Table("NODE", "STEP", "STARTED", "FINISHED", "DRAIN", "MESSAGE");
      for (JsonNode node : view.path("nodes")) {
        JsonNode drain = node.path("drain");
        nodes.row(
            Json.text(node, "name"),
            Json.text(node, "step"),
            Json.text(node, "startedAt"),
            Json.text(node, "finishedAt"),
            drain.isObject() ? Json.text(drain, "state") : "-",
            Json.text(node, "message"));
      }
      if (!nodes.isEmpty()) {
        nodes.print(out(), "");
      }
    }
  }

  /** {@code maintenance list}. */
  @Command(name = "list", aliases = "ls", description = "List the maintenances with their phase.")
  public static final class ListMaintenances extends MaintenanceApi {
    @Mixin OutputOption output;

    @Override
    public Integer call() {
      JsonNode answer = client().get(maintenancesPath());
      if (output.printedJson(out(), answer)) {
        return ExitCode.OK;
      }
      JsonNode items = answer.isArray() ? answer : answer.path("items");
      Table table = new Table("NAME", "PHASE", "NODES", "CREATED-BY", "AGE", "MESSAGE");
      for (JsonNode view : items) {
        List<String> nodes = new ArrayList<>();
        view.path("nodes").forEach(n -> nodes.add(Json.text(n, "name")));
        table.row(
            Json.text(view, "name"),
            Json.text(view, "phase"),
            nodes.isEmpty() ? "-" : String.join(",", nodes),
            Json.text(view, "createdBy"),
            NodesCommand.age(view, context().clock().instant()),
            Json.text(view, "message"));
      }
      if (table.isEmpty()) {
        out().println(messages().get("maintenance.none", cluster()));
      } else {
        table.print(out(), "");
      }
      return ExitCode.OK;
    }
  }

  /** {@code maintenance get NAME}. */
  @Command(name = "get", description = "Show a maintenance: phase and each node's step.")
  public static final class Get extends MaintenanceApi {
    @Parameters(paramLabel = "NAME")
    String name;

    @Mixin OutputOption output;

    @Override
    public Integer call() {
      JsonNode view = client().get(maintenancePath(name));
      if (!output.printedJson(out(), view)) {
        printDetail(view);
      }
      return ExitCode.OK;
    }
  }

  /** {@code maintenance create -f FILE}. */
  @Command(name = "create", description = "Create a maintenance from a YAML or JSON file.")
  public static final class Create extends MaintenanceApi {
    @Option(
        names = {"-f", "--file"},
        required = true,
        paramLabel = "FILE",
        description = "A NodeMaintenance (YAML/JSON), or only its spec with a name.")
    Path file;

    @Option(names = "--watch", description = "Follow it until it is finished.")
    boolean watch;

    @Override
    public Integer call() {
      JsonNode view = client().post(maintenancesPath(), specFrom(file));
      String name = Json.text(view, "name");
      out()
          .println(
              messages().get("maintenance.created", name, Json.text(view, "phase", "Pending")));
      out().flush();
      if (!watch) {
        return ExitCode.OK;
      }
      return new ProgressFollower(out(), messages(), context().clock(), null)
          .follow(client(), maintenancePath(name));
    }
  }

  /** {@code maintenance preview -f FILE}. */
  @Command(
      name = "preview",
      description = "Show the order of the nodes and each node's drain verdict; nothing changes.")
  public static final class Preview extends MaintenanceApi {
    @Option(
        names = {"-f", "--file"},
        required = true,
        paramLabel = "FILE",
        description = "A NodeMaintenance (YAML/JSON), or only its spec.")
    Path file;

    @Mixin OutputOption output;

    @Override
    public Integer call() {
      JsonNode preview = client().post(maintenancesPath() + "/preview", specFrom(file));
      if (output.printedJson(out(), preview)) {
        return ExitCode.OK;
      }
      int index = 1;
      out().println(messages().get("maintenance.preview.order"));
      for (JsonNode batch : preview.path("batches")) {
        List<String> nodes = new ArrayList<>();
        batch.forEach(n -> nodes.add(n.asText()));
        out().printf("  %d. %s%n", index++, String.join(", ", nodes));
      }
      Table table = new Table("NODE", "VERDICT", "EVICT", "SKIP", "BLOCKED-BY-PDB", "NEEDS-FLAG");
      preview
          .path("drains")
          .fields()
          .forEachRemaining(
              e -> {
                int evict = 0;
                int skip = 0;
                int blocked = 0;
                int flag = 0;
                for (JsonNode pod : e.getValue().path("pods")) {
                  String fate = Json.text(pod, "fate", "");
                  if (fate.equals("EVICT")) {
                    evict++;
                  } else if (fate.startsWith("SKIP")) {
                    skip++;
                  } else if (fate.equals("BLOCKED_BY_PDB")) {
                    blocked++;
                  } else if (fate.startsWith("NEEDS")) {
                    flag++;
                  }
                }
                table.row(
                    e.getKey(), Json.text(e.getValue(), "verdict"), evict, skip, blocked, flag);
              });
      if (!table.isEmpty()) {
        table.print(out(), "");
      }
      return ExitCode.OK;
    }
  }

  /** pause, resume, cancel. */
  abstract static class Action extends MaintenanceApi {
    @Parameters(paramLabel = "NAME")
    String name;

    abstract String action();

    @Override
    public Integer call() {
      JsonNode view = client().post(maintenancePath(name) + "/" + action(), null);
      out().println(messages().get("maintenance." + action(), name, Json.text(view, "phase", "?")));
      return ExitCode.OK;
    }
  }

  /** {@code maintenance pause NAME}. */
  @Command(
      name = "pause",
      description = "Pause after the current step (the pause survives restarts).")
  public static final class Pause extends Action {
    @Override
    String action() {
      return "pause";
    }
  }

  /** {@code maintenance resume NAME}. */
  @Command(name = "resume", description = "Resume a paused maintenance.")
  public static final class Resume extends Action {
    @Override
    String action() {
      return "resume";
    }
  }

  /** {@code maintenance cancel NAME}. */
  @Command(
      name = "cancel",
      description = "Cancel: nodes not yet touched are uncordoned (see docs/CLI.md).")
  public static final class Cancel extends Action {
    @Override
    String action() {
      return "cancel";
    }
  }

  /** {@code maintenance watch NAME}. */
  @Command(
      name = "watch",
      description = "Follow a maintenance node by node and pod by pod until it is finished.")
  public static final class Watch extends MaintenanceApi {
    @Parameters(paramLabel = "NAME")
    String name;

    @Override
    public Integer call() {
      return new ProgressFollower(out(), messages(), context().clock(), null)
          .follow(client(), maintenancePath(name));
    }
  }
}
