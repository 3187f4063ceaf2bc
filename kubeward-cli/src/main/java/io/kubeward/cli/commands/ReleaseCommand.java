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
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kubeward release list|get|create|promote|abort|retry|pause|resume|delete} (ADR 0035). */
@Command(
    name = "release",
    description =
        "Releases (canary, blue-green): list, get, create from a file, promote, abort, retry,"
            + " pause, resume, delete.",
    subcommands = {
      ReleaseCommand.ListReleases.class,
      ReleaseCommand.Get.class,
      ReleaseCommand.Create.class,
      ReleaseCommand.Promote.class,
      ReleaseCommand.Abort.class,
      ReleaseCommand.Retry.class,
      ReleaseCommand.Pause.class,
      ReleaseCommand.Resume.class,
      ReleaseCommand.Delete.class
    })
public final class ReleaseCommand implements Runnable {

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
        "Missing subcommand: list, get, create, promote, abort, retry, pause, resume or delete");
  }

  /** A command on the Releases of one namespace. */
  abstract static class ReleaseApi extends ApiCommand {
    @Option(
        names = {"-n", "--namespace"},
        paramLabel = "NAMESPACE",
        description = "The Release's namespace (default: default).")
    String namespace;

    String ns() {
      return namespace == null || namespace.isBlank() ? "default" : namespace;
    }

    String releasePath(String name) {
      return clusterPath(
          "/namespaces/"
              + KubewardClient.segment(ns())
              + "/releases/"
              + KubewardClient.segment(name));
    }

    static String step(JsonNode view) {
      return Json.text(view, "currentStep", "0") + "/" + Json.text(view, "steps", "0");
    }

    void printDetail(JsonNode view) {
      JsonNode status = view.path("status");
      row("column.name", Json.text(view, "namespace") + "/" + Json.text(view, "name"));
      row("release.column.deployment", Json.text(view, "deployment", "-"));
      row("release.column.strategy", Json.text(view, "strategy", "-"));
      row("column.phase", Json.text(view, "phase", "-"));
      row("release.column.step", step(view));
      row("release.column.weight", Json.text(view, "canaryWeight", "0") + " %");
      if (view.hasNonNull("analysis")) {
        row("release.column.analysis", Json.text(view, "analysis"));
      }
      if (status.path("abort").isObject()) {
        row(
            "release.column.abort",
            Json.text(status.path("abort"), "reason")
                + ": "
                + Json.text(status.path("abort"), "message", ""));
      }
      if (view.hasNonNull("message")) {
        row("column.message", Json.text(view, "message"));
      }
      Table conditions = new Table("CONDITION", "STATUS", "REASON", "MESSAGE");
      for (JsonNode c : status.path("conditions")) {
        conditions.row(
            Json.text(c, "type"),
            Json.text(c, "status"),
            Json.text(c, "reason", "-"),
            Json.text(c, "message", ""));
      }
      if (!conditions.isEmpty()) {
        conditions.print(out(), "");
      }
    }

    private void row(String key, String value) {
      out().printf("%-12s %s%n", messages().get(key) + ":", value);
    }
  }

  /** {@code release list [-n NS | -A]}. */
  @Command(name = "list", aliases = "ls", description = "List Releases: phase, step, weight.")
  public static final class ListReleases extends ApiCommand {
    @Option(
        names = {"-n", "--namespace"},
        paramLabel = "NAMESPACE",
        description = "Only this namespace (default: all the caller may list).")
    String namespace;

    @Mixin OutputOption output;

    @Override
    public Integer call() {
      String path = clusterPath("/releases");
      if (namespace != null && !namespace.isBlank()) {
        path += "?namespace=" + KubewardClient.query(namespace);
      }
      JsonNode answer = client().get(path);
      if (output.printedJson(out(), answer)) {
        return ExitCode.OK;
      }
      Table table =
          new Table(
              "NAMESPACE", "NAME", "DEPLOYMENT", "STRATEGY", "PHASE", "STEP", "WEIGHT", "ANALYSIS");
      for (JsonNode view : answer) {
        table.row(
            Json.text(view, "namespace"),
            Json.text(view, "name"),
            Json.text(view, "deployment", "-"),
            Json.text(view, "strategy"),
            Json.text(view, "phase"),
            ReleaseApi.step(view),
            Json.text(view, "canaryWeight", "0") + "%",
            Json.text(view, "analysis", "-"));
      }
      if (table.isEmpty()) {
        out().println(messages().get("release.none", cluster()));
      } else {
        table.print(out(), "");
      }
      return ExitCode.OK;
    }
  }

  /** {@code release get NAME}. */
  @Command(name = "get", description = "Show a Release: phase, step, weight, conditions.")
  public static final class Get extends ReleaseApi {
    @Parameters(paramLabel = "NAME")
    String name;

    @Mixin OutputOption output;

    @Override
    public Integer call() {
      JsonNode view = client().get(releasePath(name));
      if (!output.printedJson(out(), view)) {
        printDetail(view);
      }
      return ExitCode.OK;
    }
  }

  /** {@code release create -f FILE}. */
  @Command(
      name = "create",
      aliases = "apply",
      description = "Create or replace a Release from a YAML or JSON file (validated first).")
  public static final class Create extends ReleaseApi {
    @Option(
        names = {"-f", "--file"},
        required = true,
        paramLabel = "FILE",
        description = "A Release (YAML/JSON): apiVersion, kind, metadata.name, spec.")
    Path file;

    @Override
    public Integer call() {
      JsonNode document;
      try {
        document = Json.YAML.readTree(Files.readString(file, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw usage("release.unreadable-file", file, e.getMessage());
      }
      if (document == null || !document.isObject() || !document.path("spec").isObject()) {
        throw usage("release.not-a-release", file);
      }
      String name = Json.text(document.path("metadata"), "name");
      if (name == null) {
        throw usage("release.not-a-release", file);
      }
      String fileNamespace = Json.text(document.path("metadata"), "namespace");
      if (namespace == null && fileNamespace != null) {
        namespace = fileNamespace;
      }
      ObjectNode body = Json.MAPPER.createObjectNode();
      body.set("spec", document.get("spec"));
      JsonNode view = client().put(releasePath(name), body);
      out()
          .println(
              messages()
                  .get("release.created", ns() + "/" + name, Json.text(view, "phase", "Pending")));
      return ExitCode.OK;
    }
  }

  /** promote, abort, retry, pause, resume. */
  abstract static class Action extends ReleaseApi {
    @Parameters(paramLabel = "NAME")
    String name;

    abstract String action();

    Object body() {
      return Map.of();
    }

    @Override
    public Integer call() {
      JsonNode view = client().post(releasePath(name) + "/" + action(), body());
      out()
          .println(
              messages()
                  .get("release." + action(), ns() + "/" + name, Json.text(view, "phase", "?")));
      return ExitCode.OK;
    }
  }

  /** {@code release promote NAME [--full]}. */
  @Command(
      name = "promote",
      description = "Promote past the current step (pause, analysis), or to 100 % with --full.")
  public static final class Promote extends Action {
    @Option(names = "--full", description = "Skip all remaining steps.")
    boolean full;

    @Override
    String action() {
      return "promote";
    }

    @Override
    Object body() {
      return Map.of("full", full);
    }
  }

  /** {@code release abort NAME}. */
  @Command(name = "abort", description = "Abort: traffic back to stable, new pods scaled to 0.")
  public static final class Abort extends Action {
    @Override
    String action() {
      return "abort";
    }
  }

  /** {@code release retry NAME}. */
  @Command(name = "retry", description = "Retry an aborted Release from step 0.")
  public static final class Retry extends Action {
    @Override
    String action() {
      return "retry";
    }
  }

  /** {@code release pause NAME}. */
  @Command(name = "pause", description = "Pause (spec.paused): nothing moves until resumed.")
  public static final class Pause extends Action {
    @Override
    String action() {
      return "pause";
    }
  }

  /** {@code release resume NAME}. */
  @Command(name = "resume", description = "Resume a paused Release.")
  public static final class Resume extends Action {
    @Override
    String action() {
      return "resume";
    }
  }

  /** {@code release delete NAME}. */
  @Command(name = "delete", description = "Delete a Release (an unfinished one is rolled back).")
  public static final class Delete extends ReleaseApi {
    @Parameters(paramLabel = "NAME")
    String name;

    @Override
    public Integer call() {
      client().send("DELETE", releasePath(name), null);
      out().println(messages().get("release.deleted", ns() + "/" + name));
      return ExitCode.OK;
    }
  }
}
