package io.kubeward.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubeward.cli.ExitCode;
import io.kubeward.cli.Json;
import io.kubeward.cli.KubewardClient;
import io.kubeward.cli.SseEvent;
import io.kubeward.cli.Table;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kubeward backup create|list|describe|verify|download|delete} and {@code kubeward backup
 * schedule create|list|delete} (ADR 0041): the same REST API as the console; a Backup acts for the
 * signed-in person.
 */
@Command(
    name = "backup",
    description =
        "Backups of a cluster's objects: create (and follow), list, describe, verify, download,"
            + " delete; schedules.",
    subcommands = {
      BackupCommand.Create.class,
      BackupCommand.ListBackups.class,
      BackupCommand.Describe.class,
      BackupCommand.Verify.class,
      BackupCommand.Download.class,
      BackupCommand.Delete.class,
      BackupCommand.Schedule.class
    })
public final class BackupCommand implements Runnable {

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
        "Missing subcommand: create, list, describe, verify, download, delete or schedule");
  }

  /** A command on the Backups of one namespace. */
  abstract static class BackupApi extends ApiCommand {
    @Option(
        names = {"-n", "--namespace"},
        paramLabel = "NAMESPACE",
        description = "The Backup's namespace (default: default).")
    String namespace;

    String ns() {
      return namespace == null || namespace.isBlank() ? "default" : namespace;
    }

    String backupPath(String name) {
      return clusterPath(
          "/namespaces/"
              + KubewardClient.segment(ns())
              + "/backups/"
              + KubewardClient.segment(name));
    }

    String schedulePath(String name) {
      return clusterPath(
          "/namespaces/"
              + KubewardClient.segment(ns())
              + "/backup-schedules"
              + (name == null ? "" : "/" + KubewardClient.segment(name)));
    }

    void row(String key, String value) {
      out().printf("%-14s %s%n", messages().get(key) + ":", value);
    }

    static String progress(JsonNode view) {
      JsonNode p = view.path("progress");
      return Json.text(p, "done", "0") + "/" + Json.text(p, "total", "0");
    }
  }

  /** The scope options shared by {@code create} and {@code schedule create}. */
  static final class ScopeOptions {
    @Option(
        names = "--include-namespaces",
        split = ",",
        paramLabel = "NS",
        description = "Only these namespaces (default: all).")
    List<String> namespaces = List.of();

    @Option(names = "--exclude-namespaces", split = ",", paramLabel = "NS")
    List<String> excludedNamespaces = List.of();

    @Option(
        names = "--include-resources",
        split = ",",
        paramLabel = "RESOURCE",
        description = "Only these resources, as kubectl names them (deployments.apps, cm, ...).")
    List<String> resources = List.of();

    @Option(names = "--exclude-resources", split = ",", paramLabel = "RESOURCE")
    List<String> excludedResources = List.of();

    @Option(
        names = {"-l", "--selector"},
        paramLabel = "SELECTOR",
        description = "Only objects with these labels.")
    String selector;

    @Option(
        names = "--include-cluster-resources",
        negatable = true,
        description = "Cluster-scoped objects (default: when no namespaces are named).")
    Boolean clusterResources;

    @Option(
        names = "--include-custom-resources",
        negatable = true,
        description = "CRDs and custom resources (default: yes).")
    Boolean customResources;

    @Option(
        names = "--include-secrets",
        description = "Secrets, sealed with the server's archive key (default: no).")
    boolean secrets;

    @Option(names = "--location", paramLabel = "LOCATION", description = "Storage location.")
    String location;

    @Option(names = "--ttl", paramLabel = "DURATION", description = "Kept this long (720h).")
    String ttl;

    ObjectNode spec() {
      ObjectNode scope = Json.MAPPER.createObjectNode();
      array(scope, "namespaces", namespaces);
      array(scope, "excludedNamespaces", excludedNamespaces);
      array(scope, "resources", resources);
      array(scope, "excludedResources", excludedResources);
      if (selector != null) {
        scope.put("labelSelector", selector);
      }
      if (clusterResources != null) {
        scope.put("includeClusterResources", clusterResources);
      }
      if (customResources != null) {
        scope.put("includeCustomResources", customResources);
      }
      if (secrets) {
        scope.put("includeSecrets", true);
      }
      ObjectNode spec = Json.MAPPER.createObjectNode();
      spec.set("scope", scope);
      if (location != null) {
        spec.put("location", location);
      }
      if (ttl != null) {
        spec.put("ttl", ttl);
      }
      return spec;
    }

    private static void array(ObjectNode node, String field, List<String> values) {
      if (values != null && !values.isEmpty()) {
        ArrayNode array = node.putArray(field);
        values.forEach(array::add);
      }
    }
  }

  /** {@code backup create [NAME] [scope] [--follow]}. */
  @Command(
      name = "create",
      description = "Create a Backup acting for you (it takes only what you may read).")
  public static final class Create extends BackupApi {
    @Parameters(paramLabel = "NAME", arity = "0..1", description = "Default: backup-<time>.")
    String name;

    @Mixin ScopeOptions scope;

    @Option(
        names = {"-f", "--follow"},
        description = "Follow the progress until the Backup is finished.")
    boolean follow;

    @Override
    public Integer call() {
      ObjectNode body = Json.MAPPER.createObjectNode();
      if (name != null) {
        body.put("name", name);
      }
      body.set("spec", scope.spec());
      JsonNode view =
          client()
              .post(clusterPath("/namespaces/" + KubewardClient.segment(ns()) + "/backups"), body);
      String created = Json.text(view, "name");
      out().println(messages().get("backup.created", ns() + "/" + created));
      if (!follow) {
        return ExitCode.OK;
      }
      return Follow.follow(this, created);
    }
  }

  /** Follows a Backup's progress over SSE; re-reads its state when the stream ends early. */
  static final class Follow {
    private Follow() {}

    static int follow(BackupApi command, String name) {
      JsonNode[] finished = new JsonNode[1];
      for (int attempt = 0; attempt < 20 && finished[0] == null; attempt++) {
        command.client().stream(
            command.backupPath(name) + "/progress",
            (SseEvent event) -> {
              JsonNode data = readJson(event.data());
              if ("progress".equals(event.name())) {
                command
                    .out()
                    .printf(
                        "%s %s/%s%n",
                        Json.text(data, "phase", "?"),
                        Json.text(data, "done", "0"),
                        Json.text(data, "total", "0"));
                command.out().flush();
              } else if ("backup".equals(event.name())) {
                finished[0] = data;
                return false;
              } else if ("deleted".equals(event.name())) {
                finished[0] = Json.MAPPER.createObjectNode().put("phase", "Deleted");
                return false;
              }
              return true;
            });
        if (finished[0] == null) {
          JsonNode now = command.client().get(command.backupPath(name));
          String phase = Json.text(now, "phase", "");
          if (List.of("Completed", "PartiallyFailed", "Failed").contains(phase)) {
            finished[0] = now;
          }
        }
      }
      if (finished[0] == null) {
        return ExitCode.REFUSED;
      }
      Describe.print(command, finished[0]);
      return "Completed".equals(Json.text(finished[0], "phase", ""))
          ? ExitCode.OK
          : ExitCode.REFUSED;
    }

    private static JsonNode readJson(String data) {
      try {
        return Json.MAPPER.readTree(data);
      } catch (IOException e) {
        return Json.MAPPER.createObjectNode();
      }
    }
  }

  /** {@code backup list [-n NS]}. */
  @Command(name = "list", aliases = "ls", description = "List Backups: phase, progress, failures.")
  public static final class ListBackups extends ApiCommand {
    @Option(
        names = {"-n", "--namespace"},
        paramLabel = "NAMESPACE",
        description = "Only this namespace (default: all the caller may list).")
    String namespace;

    @Mixin OutputOption output;

    @Override
    public Integer call() {
      String path =
          namespace == null || namespace.isBlank()
              ? clusterPath("/backups")
              : clusterPath("/namespaces/" + KubewardClient.segment(namespace) + "/backups");
      JsonNode answer = client().get(path);
      if (output.printedJson(out(), answer)) {
        return ExitCode.OK;
      }
      Table table =
          new Table("NAMESPACE", "NAME", "PHASE", "OBJECTS", "FAILURES", "SCHEDULE", "CREATED");
      for (JsonNode view : answer) {
        table.row(
            Json.text(view, "namespace"),
            Json.text(view, "name"),
            Json.text(view, "phase"),
            BackupApi.progress(view),
            Json.text(view, "failureCount", "0"),
            Json.text(view, "schedule", "-"),
            Json.text(view, "createdAt", "-"));
      }
      if (table.isEmpty()) {
        out().println(messages().get("backup.none", cluster()));
      } else {
        table.print(out(), "");
      }
      return ExitCode.OK;
    }
  }

  /** {@code backup describe NAME}. */
  @Command(
      name = "describe",
      aliases = "get",
      description = "Show a Backup: phase, objects per kind, failures, archive.")
  public static final class Describe extends BackupApi {
    @Parameters(paramLabel = "NAME")
    String name;

    @Mixin OutputOption output;

    @Override
    public Integer call() {
      JsonNode view = client().get(backupPath(name));
      if (!output.printedJson(out(), view)) {
        print(this, view);
      }
      return ExitCode.OK;
    }

    static void print(BackupApi c, JsonNode view) {
      c.row("column.name", Json.text(view, "namespace", "") + "/" + Json.text(view, "name", ""));
      c.row("column.phase", Json.text(view, "phase", "-"));
      c.row("backup.column.acting-for", Json.text(view, "actingFor", "-"));
      c.row("backup.column.progress", BackupApi.progress(view));
      JsonNode archive = view.path("archive");
      if (archive.isObject()) {
        c.row(
            "backup.column.archive",
            Json.text(archive, "location") + ":" + Json.text(archive, "key"));
        c.row("backup.column.sha256", Json.text(archive, "sha256"));
        c.row("backup.column.size", Json.text(archive, "size", "0"));
      }
      if (view.hasNonNull("expiresAt")) {
        c.row("backup.column.expires", Json.text(view, "expiresAt"));
      }
      if (view.hasNonNull("message")) {
        c.row("column.message", Json.text(view, "message"));
      }
      Table kinds = new Table("KIND", "OBJECTS");
      for (Iterator<Map.Entry<String, JsonNode>> it = view.path("countsByKind").fields();
          it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        kinds.row(e.getKey(), e.getValue().asText());
      }
      if (!kinds.isEmpty()) {
        kinds.print(c.out(), "");
      }
      Table failures = new Table("FAILED OBJECT", "REASON");
      for (JsonNode f : view.path("failures")) {
        JsonNode o = f.path("object");
        failures.row(
            Json.text(o, "kind")
                + " "
                + (o.hasNonNull("namespace") ? Json.text(o, "namespace") + "/" : "")
                + Json.text(o, "name"),
            Json.text(f, "reason", ""));
      }
      if (!failures.isEmpty()) {
        c.out().println(c.messages().get("backup.failures", Json.text(view, "failureCount", "0")));
        failures.print(c.out(), "");
      }
    }
  }

  /** {@code backup verify NAME}. */
  @Command(name = "verify", description = "Verify a Backup's archive (every checksum).")
  public static final class Verify extends BackupApi {
    @Parameters(paramLabel = "NAME")
    String name;

    @Override
    public Integer call() {
      JsonNode answer = client().post(backupPath(name) + "/verify", Map.of());
      if (answer.path("ok").asBoolean()) {
        out()
            .println(
                messages()
                    .get(
                        "backup.verified",
                        ns() + "/" + name,
                        Json.text(answer, "objects", "0"),
                        Json.text(answer, "sha256", "")));
        return ExitCode.OK;
      }
      out().println(messages().get("backup.verify-failed", ns() + "/" + name));
      for (JsonNode problem : answer.path("problems")) {
        out().println("  " + problem.asText());
      }
      return ExitCode.REFUSED;
    }
  }

  /** {@code backup download NAME [-o FILE]}. */
  @Command(name = "download", description = "Download a Backup's archive (zip).")
  public static final class Download extends BackupApi {
    @Parameters(paramLabel = "NAME")
    String name;

    @Option(
        names = {"-o", "--output-file"},
        paramLabel = "FILE",
        description = "Where to write it (default: <name>.zip).")
    Path file;

    @Override
    public Integer call() {
      Path target = file == null ? Path.of(name + ".zip") : file;
      Path partial = target.resolveSibling(target.getFileName() + ".part");
      long bytes;
      try (OutputStream out = Files.newOutputStream(partial)) {
        bytes = client().download(backupPath(name) + "/archive", out);
      } catch (IOException e) {
        throw usage("backup.unwritable-file", partial, e.getMessage());
      } catch (RuntimeException e) {
        try {
          Files.deleteIfExists(partial);
        } catch (IOException ignored) {
          // best effort
        }
        throw e;
      }
      try {
        Files.move(partial, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException e) {
        throw usage("backup.unwritable-file", target, e.getMessage());
      }
      out().println(messages().get("backup.downloaded", target, bytes));
      return ExitCode.OK;
    }
  }

  /** {@code backup delete NAME}. */
  @Command(name = "delete", description = "Delete a Backup and its archive.")
  public static final class Delete extends BackupApi {
    @Parameters(paramLabel = "NAME")
    String name;

    @Override
    public Integer call() {
      client().send("DELETE", backupPath(name), null);
      out().println(messages().get("backup.deleted", ns() + "/" + name));
      return ExitCode.OK;
    }
  }

  // ------------------------------------------------------------------ schedules

  /** {@code backup schedule create|list|delete}. */
  @Command(
      name = "schedule",
      description = "BackupSchedules: create, list, delete.",
      subcommands = {
        Schedule.CreateSchedule.class,
        Schedule.ListSchedules.class,
        Schedule.DeleteSchedule.class
      })
  public static final class Schedule implements Runnable {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "Missing subcommand: create, list or delete");
    }

    /** {@code backup schedule create NAME --cron EXPR [--time-zone TZ] [--keep N] ...}. */
    @Command(name = "create", description = "Create a BackupSchedule acting for you.")
    public static final class CreateSchedule extends BackupApi {
      @Parameters(paramLabel = "NAME")
      String name;

      @Option(
          names = "--cron",
          required = true,
          paramLabel = "EXPR",
          description = "Five fields: minute hour day-of-month month day-of-week.")
      String cron;

      @Option(names = "--time-zone", paramLabel = "ZONE", description = "e.g. Asia/Shanghai.")
      String timeZone;

      @Option(names = "--keep", paramLabel = "N", description = "Keep the newest N Backups.")
      Integer keep;

      @Option(
          names = "--max-age",
          paramLabel = "DURATION",
          description = "Delete Backups older than this (168h).")
      String maxAge;

      @Option(names = "--suspend", description = "Create it suspended.")
      boolean suspend;

      @Mixin ScopeOptions scope;

      @Override
      public Integer call() {
        ObjectNode spec = Json.MAPPER.createObjectNode();
        spec.put("cron", cron);
        if (timeZone != null) {
          spec.put("timeZone", timeZone);
        }
        if (suspend) {
          spec.put("suspend", true);
        }
        if (keep != null || maxAge != null) {
          ObjectNode retention = spec.putObject("retention");
          if (keep != null) {
            retention.put("count", keep);
          }
          if (maxAge != null) {
            retention.put("maxAge", maxAge);
          }
        }
        spec.set("template", scope.spec());
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("name", name);
        body.set("spec", spec);
        JsonNode view = client().post(schedulePath(null), body);
        out()
            .println(
                messages()
                    .get(
                        "backup.schedule-created",
                        ns() + "/" + name,
                        Json.text(view, "nextScheduleTime", "-")));
        return ExitCode.OK;
      }
    }

    /** {@code backup schedule list [-n NS]}. */
    @Command(name = "list", aliases = "ls", description = "List BackupSchedules.")
    public static final class ListSchedules extends ApiCommand {
      @Option(
          names = {"-n", "--namespace"},
          paramLabel = "NAMESPACE",
          description = "Only this namespace (default: all the caller may list).")
      String namespace;

      @Mixin OutputOption output;

      @Override
      public Integer call() {
        String path =
            namespace == null || namespace.isBlank()
                ? clusterPath("/backup-schedules")
                : clusterPath(
                    "/namespaces/" + KubewardClient.segment(namespace) + "/backup-schedules");
        JsonNode answer = client().get(path);
        if (output.printedJson(out(), answer)) {
          return ExitCode.OK;
        }
        Table table =
            new Table("NAMESPACE", "NAME", "CRON", "TIME ZONE", "SUSPENDED", "LAST", "NEXT");
        for (JsonNode view : answer) {
          JsonNode spec = view.path("spec");
          table.row(
              Json.text(view, "namespace"),
              Json.text(view, "name"),
              Json.text(spec, "cron", "-"),
              Json.text(spec, "timeZone", "UTC"),
              Json.text(spec, "suspend", "false"),
              Json.text(view, "lastBackup", "-"),
              Json.text(view, "nextScheduleTime", "-"));
        }
        if (table.isEmpty()) {
          out().println(messages().get("backup.no-schedules", cluster()));
        } else {
          table.print(out(), "");
        }
        return ExitCode.OK;
      }
    }

    /** {@code backup schedule delete NAME}. */
    @Command(name = "delete", description = "Delete a BackupSchedule (its Backups stay).")
    public static final class DeleteSchedule extends BackupApi {
      @Parameters(paramLabel = "NAME")
      String name;

      @Override
      public Integer call() {
        client().send("DELETE", schedulePath(name), null);
        out().println(messages().get("backup.schedule-deleted", ns() + "/" + name));
        return ExitCode.OK;
      }
    }
  }
}
