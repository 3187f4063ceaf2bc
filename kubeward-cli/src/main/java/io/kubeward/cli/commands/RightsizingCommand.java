package io.kubeward.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubeward.cli.ExitCode;
import io.kubeward.cli.Json;
import io.kubeward.cli.Table;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kubeward rightsizing list|apply|revert|export|changes} (ADR 0048). */
@Command(
    name = "rightsizing",
    description =
        "Right-size container requests from observed usage: list recommendations, apply one"
            + " container's (as you, revertible), revert, export as a patch for kubectl.",
    subcommands = {
      RightsizingCommand.ListRecommendations.class,
      RightsizingCommand.Apply.class,
      RightsizingCommand.Export.class,
      RightsizingCommand.Changes.class,
      RightsizingCommand.Revert.class
    })
public final class RightsizingCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help.")
  boolean help;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "Missing subcommand: list, apply, export, changes or revert");
  }

  /** {@code rightsizing list [-n NS]}: the ranked recommendations. */
  @Command(name = "list", description = "Recommendations per container, largest waste first.")
  public static final class ListRecommendations extends ApiCommand {
    @Option(
        names = {"-n", "--namespace"},
        paramLabel = "NAMESPACE",
        description = "One namespace (default: all you see).")
    String namespace;

    @Mixin OutputOption output;

    @Override
    public Integer call() {
      JsonNode list =
          client()
              .get(
                  clusterPath(
                      "/rightsizing/recommendations"
                          + (namespace == null ? "" : "?namespace=" + namespace)));
      if (output.printedJson(out(), list)) {
        return ExitCode.OK;
      }
      Table table =
          new Table(
              "NAMESPACE",
              "WORKLOAD",
              "CONTAINER",
              "REQUESTS",
              "RECOMMENDED",
              "CONFIDENCE",
              "SAMPLES",
              "VERDICT",
              "WASTE CPU",
              "WASTE MEMORY");
      for (JsonNode row : list.path("items")) {
        JsonNode current = row.path("current");
        table.row(
            Json.text(row, "namespace"),
            Json.text(row, "kind") + "/" + Json.text(row, "workload"),
            Json.text(row, "container"),
            Json.text(current, "cpuRequest", "-") + "/" + Json.text(current, "memoryRequest", "-"),
            Json.text(row, "cpuRecommended", "-") + "/" + Json.text(row, "memoryRecommended", "-"),
            Json.text(row, "confidence"),
            Json.text(row, "samples", "0"),
            Json.text(row, "verdict"),
            Json.text(row, "wastedCpu", "0") + "m",
            mebibytes(row.path("wastedMemory").asLong()));
      }
      table.print(out(), messages().get("rightsizing.none"));
      out()
          .println(
              messages()
                  .get(
                      "rightsizing.basis",
                      Json.text(list, "source"),
                      Json.text(list, "windowStart"),
                      Json.text(list, "windowEnd")));
      return ExitCode.OK;
    }
  }

  static String mebibytes(long bytes) {
    return bytes / (1024 * 1024) + "Mi";
  }

  /** The container and the requests: the options of apply and export. */
  public static final class Target {
    @Parameters(index = "0", paramLabel = "KIND/NAME", description = "e.g. deployment/web")
    String workload;

    @Option(
        names = {"-c", "--container"},
        required = true,
        paramLabel = "CONTAINER",
        description = "The container whose requests change.")
    String container;

    @Option(
        names = {"-n", "--namespace"},
        paramLabel = "NAMESPACE",
        description = "The workload's namespace (default: default).")
    String namespace;

    @Option(
        names = "--cpu",
        paramLabel = "QUANTITY",
        description = "New CPU request (default: the recommendation).")
    String cpu;

    @Option(
        names = "--memory",
        paramLabel = "QUANTITY",
        description = "New memory request (default: the recommendation).")
    String memory;

    @Option(
        names = "--raise-limits",
        description = "Also raise a limit the new request would exceed (else refused).")
    boolean raiseLimits;

    Map<String, Object> body(ApiCommand command) {
      int slash = workload.indexOf('/');
      if (slash <= 0 || slash == workload.length() - 1) {
        throw command.usage("rightsizing.bad-workload", workload);
      }
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("namespace", namespace == null ? "default" : namespace);
      body.put("kind", workload.substring(0, slash));
      body.put("name", workload.substring(slash + 1));
      body.put("container", container);
      if (cpu != null) {
        body.put("cpu", cpu);
      }
      if (memory != null) {
        body.put("memory", memory);
      }
      body.put("raiseLimits", raiseLimits);
      return body;
    }
  }

  /** {@code rightsizing apply deployment/web -c app}: one container's requests, as you. */
  @Command(
      name = "apply",
      description = "Apply the recommendation (or --cpu/--memory) to one container, as you.")
  public static final class Apply extends ApiCommand {
    @Mixin Target target;
    @Mixin OutputOption output;

    @Override
    public Integer call() {
      JsonNode change = client().post(clusterPath("/rightsizing/apply"), target.body(this));
      if (output.printedJson(out(), change)) {
        return ExitCode.OK;
      }
      out().println(messages().get("rightsizing.applied", describe(change)));
      return ExitCode.OK;
    }
  }

  /** {@code rightsizing export deployment/web -c app}: the patch YAML and the kubectl command. */
  @Command(name = "export", description = "Print the patch as YAML, for kubectl patch.")
  public static final class Export extends ApiCommand {
    @Mixin Target target;

    @Override
    public Integer call() {
      JsonNode export = client().post(clusterPath("/rightsizing/export"), target.body(this));
      out().print(Json.text(export, "yaml", ""));
      out().println("# " + Json.text(export, "command", ""));
      return ExitCode.OK;
    }
  }

  /** {@code rightsizing changes}: the applied changes, newest first. */
  @Command(name = "changes", description = "The changes applied in this cluster, newest first.")
  public static final class Changes extends ApiCommand {
    @Mixin OutputOption output;

    @Override
    public Integer call() {
      JsonNode changes = client().get(clusterPath("/rightsizing/changes"));
      if (output.printedJson(out(), changes)) {
        return ExitCode.OK;
      }
      Table table = new Table("ID", "WORKLOAD", "CONTAINER", "BEFORE", "AFTER", "BY", "REVERTED");
      for (JsonNode c : changes) {
        table.row(
            Json.text(c, "id"),
            Json.text(c, "kind") + " " + Json.text(c, "namespace") + "/" + Json.text(c, "workload"),
            Json.text(c, "container"),
            requests(c.path("before")),
            requests(c.path("after")),
            Json.text(c, "appliedBy"),
            Json.text(c, "revertedBy", "-"));
      }
      table.print(out(), messages().get("rightsizing.no-changes"));
      return ExitCode.OK;
    }
  }

  /** {@code rightsizing revert ID}: the previous requests back, unless changed since. */
  @Command(
      name = "revert",
      description = "Restore the requests a change replaced (refused if changed since).")
  public static final class Revert extends ApiCommand {
    @Parameters(index = "0", paramLabel = "ID", description = "The change's id (see changes).")
    long id;

    @Override
    public Integer call() {
      if (id < 1) {
        throw usage("rightsizing.bad-id", id);
      }
      JsonNode change =
          client().post(clusterPath("/rightsizing/changes/" + id + "/revert"), Map.of());
      out().println(messages().get("rightsizing.reverted", describe(change)));
      return ExitCode.OK;
    }
  }

  static String requests(JsonNode r) {
    return Json.text(r, "cpuRequest", "-") + "/" + Json.text(r, "memoryRequest", "-");
  }

  static String describe(JsonNode c) {
    return Json.text(c, "kind")
        + " "
        + Json.text(c, "namespace")
        + "/"
        + Json.text(c, "workload")
        + " "
        + Json.text(c, "container")
        + ": "
        + requests(c.path("before"))
        + " → "
        + requests(c.path("after"))
        + " (#"
        + Json.text(c, "id")
        + ")";
  }
}
