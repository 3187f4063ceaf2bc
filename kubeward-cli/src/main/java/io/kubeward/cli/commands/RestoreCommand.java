package io.kubeward.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubeward.cli.CliException;
import io.kubeward.cli.ExitCode;
import io.kubeward.cli.Json;
import io.kubeward.cli.KubewardClient;
import io.kubeward.cli.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kubeward restore preview|run|status|list|delete} (ADR 0042). */
@Command(
    name = "restore",
    description =
        "Restore a backup: preview what would happen, run it (following its progress), status,"
            + " list, delete.",
    subcommands = {
      RestoreCommand.Preview.class,
      RestoreCommand.Run.class,
      RestoreCommand.Status.class,
      RestoreCommand.ListRestores.class,
      RestoreCommand.Delete.class
    })
public final class RestoreCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help.")
  boolean help;

  static final List<String> OUTCOMES = List.of("CREATED", "UPDATED", "SKIPPED", "FAILED");

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "Missing subcommand: preview, run, status, list or delete");
  }

  /** What to restore and how: the spec's options. */
  public static final class SpecOptions {
    @Option(
        names = "--backup",
        paramLabel = "NAMESPACE/NAME",
        description = "The Backup to restore from.")
    String backup;

    @Option(
        names = "--backup-cluster",
        paramLabel = "CLUSTER",
        description = "The Backup's cluster, when it is another one.")
    String backupCluster;

    @Option(
        names = "--archive",
        paramLabel = "LOCATION:KEY",
        description = "A raw archive key in a storage location (administrators only).")
    String archive;

    @Option(
        names = "--map",
        paramLabel = "FROM=TO",
        description = "Restore namespace FROM into namespace TO (repeatable).")
    List<String> mappings = new ArrayList<>();

    @Option(
        names = {"-l", "--selector"},
        paramLabel = "SELECTOR",
        description = "Only objects with these labels (kubectl syntax).")
    String selector;

    @Option(
        names = "--include-namespace",
        paramLabel = "NS",
        description = "Only these namespaces.")
    List<String> includedNamespaces = new ArrayList<>();

    @Option(names = "--exclude-namespace", paramLabel = "NS", description = "Not these namespaces.")
    List<String> excludedNamespaces = new ArrayList<>();

    @Option(
        names = "--include-resource",
        paramLabel = "RESOURCE",
        description = "Only these resources (deployments.apps, configmaps, ...).")
    List<String> includedResources = new ArrayList<>();

    @Option(names = "--exclude-resource", paramLabel = "RESOURCE", description = "Not these.")
    List<String> excludedResources = new ArrayList<>();

    @Option(
        names = "--existing",
        paramLabel = "skip|overwrite",
        description = "Existing objects: skip (default) or overwrite by server-side apply.")
    String existing;

    Map<String, Object> spec(ApiCommand command) {
      Map<String, Object> source = new LinkedHashMap<>();
      if (archive != null) {
        int colon = archive.indexOf(':');
        if (colon <= 0 || backup != null) {
          throw command.usage("restore.bad-source");
        }
        source.put("location", archive.substring(0, colon));
        source.put("archiveKey", archive.substring(colon + 1));
      } else {
        int slash = backup == null ? -1 : backup.indexOf('/');
        if (slash <= 0) {
          throw command.usage("restore.bad-source");
        }
        source.put("namespace", backup.substring(0, slash));
        source.put("backup", backup.substring(slash + 1));
        if (backupCluster != null) {
          source.put("cluster", backupCluster);
        }
      }
      Map<String, Object> spec = new LinkedHashMap<>();
      spec.put("source", source);
      Map<String, String> mapping = new LinkedHashMap<>();
      for (String m : mappings) {
        int eq = m.indexOf('=');
        if (eq <= 0 || eq == m.length() - 1) {
          throw command.usage("restore.bad-mapping", m);
        }
        mapping.put(m.substring(0, eq), m.substring(eq + 1));
      }
      spec.put("namespaceMapping", mapping);
      if (selector != null) {
        spec.put("labelSelector", selector);
      }
      spec.put("includedNamespaces", includedNamespaces);
      spec.put("excludedNamespaces", excludedNamespaces);
      spec.put("includedResources", includedResources);
      spec.put("excludedResources", excludedResources);
      if (existing != null) {
        String e = existing.strip().toLowerCase(java.util.Locale.ROOT);
        if (!e.equals("skip") && !e.equals("overwrite")) {
          throw command.usage("restore.bad-existing", existing);
        }
        spec.put("existing", e.equals("skip") ? "Skip" : "Overwrite");
      }
      return spec;
    }
  }

  static String ref(JsonNode ref) {
    String ns = Json.text(ref, "namespace");
    return Json.text(ref, "kind") + " " + (ns == null ? "" : ns + "/") + Json.text(ref, "name");
  }

  /** {@code restore preview --backup NS/NAME [options]}: what would happen, per object. */
  @Command(name = "preview", description = "What a restore would do with every archived object.")
  public static final class Preview extends ApiCommand {
    @Mixin SpecOptions options;
    @Mixin OutputOption output;

    @Override
    public Integer call() {
      JsonNode preview =
          client().post(clusterPath("/restores/preview"), Map.of("spec", options.spec(this)));
      if (output.printedJson(out(), preview)) {
        return ExitCode.OK;
      }
      Table table = new Table("WOULD", "OBJECT", "INTO", "REASON");
      for (JsonNode item : preview.path("items")) {
        table.row(
            Json.text(item, "verdict"),
            ref(item.path("source")),
            Json.text(item.path("target"), "namespace", "-"),
            Json.text(item, "reason", ""));
      }
      table.print(out(), "");
      out()
          .println(
              messages()
                  .get(
                      "restore.preview-summary",
                      Json.text(preview, "selected", "0"),
                      Json.text(preview, "archived", "0"),
                      preview.path("counts").toString()));
      return ExitCode.OK;
    }
  }

  /** A command on one Restore. */
  abstract static class OneRestore extends ApiCommand {
    @Option(
        names = {"-n", "--namespace"},
        paramLabel = "NAMESPACE",
        description = "The Restore's namespace (default: default).")
    String namespace;

    String ns() {
      return namespace == null || namespace.isBlank() ? "default" : namespace;
    }

    String restorePath(String name) {
      return clusterPath(
          "/namespaces/"
              + KubewardClient.segment(ns())
              + "/restores/"
              + KubewardClient.segment(name));
    }

    void printStatus(JsonNode view) {
      JsonNode status = view.path("status");
      JsonNode counts = status.path("counts");
      out()
          .println(
              messages()
                  .get(
                      "restore.status",
                      Json.text(view, "namespace") + "/" + Json.text(view, "name"),
                      Json.text(status, "phase", "Pending"),
                      Json.text(counts, "created", "0"),
                      Json.text(counts, "updated", "0"),
                      Json.text(counts, "skipped", "0"),
                      Json.text(counts, "failed", "0")));
      if (status.hasNonNull("message")) {
        out().println("  " + Json.text(status, "message"));
      }
    }

    /** The results of one outcome, every page (bounded). */
    void printResults(String name, String outcome) {
      int page = 0;
      Table table = new Table("OBJECT", "INTO", "REASON");
      long total;
      do {
        JsonNode answer =
            client()
                .get(restorePath(name) + "/results?outcome=" + outcome + "&size=500&page=" + page);
        for (JsonNode r : answer.path("items")) {
          table.row(
              ref(r.path("source")),
              Json.text(r.path("target"), "namespace", "-"),
              Json.text(r, "reason", ""));
        }
        total = answer.path("total").asLong();
        page++;
      } while ((long) page * 500 < total && page < 20);
      if (!table.isEmpty()) {
        out().println(outcome + " (" + total + "):");
        table.print(out(), "  ");
      }
    }
  }

  /** {@code restore run NAME --backup NS/NAME [options]}: starts and follows a restore. */
  @Command(name = "run", description = "Start a restore and follow it; results per outcome.")
  public static final class Run extends OneRestore {
    @Parameters(paramLabel = "NAME", description = "The Restore's name.")
    String name;

    @Mixin SpecOptions options;

    @Option(names = "--no-follow", description = "Start it and return at once.")
    boolean noFollow;

    @Override
    public Integer call() {
      client()
          .post(
              clusterPath("/namespaces/" + KubewardClient.segment(ns()) + "/restores"),
              Map.of("name", name, "spec", options.spec(this)));
      out().println(messages().get("restore.started", ns() + "/" + name));
      if (noFollow) {
        return ExitCode.OK;
      }
      String[] lastLine = {""};
      JsonNode[] last = {null};
      for (int attempt = 0; attempt < 20 && !finished(last[0]); attempt++) {
        client().stream(
            restorePath(name) + "/progress",
            event -> {
              if (!"restore".equals(event.name())) {
                return !"deleted".equals(event.name());
              }
              try {
                JsonNode view = Json.MAPPER.readTree(event.data());
                last[0] = view;
                JsonNode status = view.path("status");
                String line =
                    Json.text(status, "phase", "Pending")
                        + " "
                        + Json.text(status, "stage", "")
                        + " "
                        + Json.text(status.path("progress"), "done", "0")
                        + "/"
                        + Json.text(status.path("progress"), "total", "?");
                if (!line.equals(lastLine[0])) {
                  out().println("  " + line.replaceAll("\\s+", " "));
                  out().flush();
                  lastLine[0] = line;
                }
                return !finished(view);
              } catch (java.io.IOException e) {
                return true;
              }
            });
        if (!finished(last[0])) {
          last[0] = client().get(restorePath(name));
        }
      }
      JsonNode view = last[0] == null ? client().get(restorePath(name)) : last[0];
      printStatus(view);
      for (String outcome : OUTCOMES) {
        printResults(name, outcome);
      }
      String phase = Json.text(view.path("status"), "phase", "Pending");
      if (!"Completed".equals(phase)) {
        throw new CliException(
            ExitCode.NOT_SUCCEEDED,
            messages()
                .get(
                    "restore.not-completed",
                    ns() + "/" + name,
                    phase,
                    Json.text(view.path("status"), "message", "")));
      }
      return ExitCode.OK;
    }

    static boolean finished(JsonNode view) {
      String phase = view == null ? null : Json.text(view.path("status"), "phase");
      return "Completed".equals(phase) || "PartiallyFailed".equals(phase) || "Failed".equals(phase);
    }
  }

  /** {@code restore status NAME [--results]}. */
  @Command(name = "status", description = "A Restore's phase and counts; --results lists them.")
  public static final class Status extends OneRestore {
    @Parameters(paramLabel = "NAME")
    String name;

    @Option(names = "--results", description = "Also list the results per outcome.")
    boolean results;

    @Mixin OutputOption output;

    @Override
    public Integer call() {
      JsonNode view = client().get(restorePath(name));
      if (output.printedJson(out(), view)) {
        return ExitCode.OK;
      }
      printStatus(view);
      if (results) {
        for (String outcome : OUTCOMES) {
          printResults(name, outcome);
        }
      }
      return ExitCode.OK;
    }
  }

  /** {@code restore list [-n NS]}. */
  @Command(name = "list", aliases = "ls", description = "List Restores: phase and counts.")
  public static final class ListRestores extends ApiCommand {
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
              ? clusterPath("/restores")
              : clusterPath("/namespaces/" + KubewardClient.segment(namespace) + "/restores");
      JsonNode answer = client().get(path);
      if (output.printedJson(out(), answer)) {
        return ExitCode.OK;
      }
      Table table =
          new Table(
              "NAMESPACE", "NAME", "BACKUP", "PHASE", "CREATED", "UPDATED", "SKIPPED", "FAILED");
      for (JsonNode view : answer) {
        JsonNode counts = view.path("status").path("counts");
        JsonNode source = view.path("spec").path("source");
        table.row(
            Json.text(view, "namespace"),
            Json.text(view, "name"),
            Json.text(source, "backup") != null
                ? Json.text(source, "namespace") + "/" + Json.text(source, "backup")
                : Json.text(source, "archiveKey", "-"),
            Json.text(view.path("status"), "phase", "Pending"),
            Json.text(counts, "created", "0"),
            Json.text(counts, "updated", "0"),
            Json.text(counts, "skipped", "0"),
            Json.text(counts, "failed", "0"));
      }
      if (table.isEmpty()) {
        out().println(messages().get("restore.none", cluster()));
      } else {
        table.print(out(), "");
      }
      return ExitCode.OK;
    }
  }

  /** {@code restore delete NAME}: the Restore and its results (restored objects stay). */
  @Command(name = "delete", description = "Delete a Restore and its results (objects stay).")
  public static final class Delete extends OneRestore {
    @Parameters(paramLabel = "NAME")
    String name;

    @Override
    public Integer call() {
      client().send("DELETE", restorePath(name), null);
      out().println(messages().get("restore.deleted", ns() + "/" + name));
      return ExitCode.OK;
    }
  }
}
