package io.kubeward.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubeward.cli.ExitCode;
import io.kubeward.cli.Json;
import io.kubeward.cli.KubewardClient;
import io.kubeward.cli.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kubeward etcd set|get|unset|snapshot save|list|verify|download|delete}: a cluster's etcd
 * connection and its snapshots (administrators only, ADR 0043).
 */
@Command(
    name = "etcd",
    description = "etcd snapshots of a cluster: the connection and the snapshots (admin).",
    subcommands = {
      EtcdCommand.Set.class,
      EtcdCommand.Get.class,
      EtcdCommand.Unset.class,
      EtcdCommand.Snapshot.class
    })
public final class EtcdCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help.")
  boolean help;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "Missing subcommand: set, get, unset or snapshot");
  }

  static String etcdPath(ApiCommand command, String rest) {
    return command.clusterPath("/etcd" + rest);
  }

  /**
   * {@code etcd set --endpoint URL... --ca FILE --cert FILE --key FILE [--location] [--retain]}.
   */
  @Command(
      name = "set",
      description =
          "Set the cluster's etcd connection: https endpoints, the CA, the client certificate and"
              + " its key (PEM files; stored encrypted, never shown back). A file left out keeps"
              + " the stored one.")
  public static final class Set extends ApiCommand {
    @Option(
        names = "--endpoint",
        paramLabel = "URL",
        description = "etcd's client URL, e.g. https://10.0.0.1:2379 (repeat for several).")
    List<String> endpoints;

    @Option(names = "--ca", paramLabel = "FILE", description = "PEM: the CA of etcd's certificate.")
    Path ca;

    @Option(names = "--cert", paramLabel = "FILE", description = "PEM: the client certificate.")
    Path cert;

    @Option(names = "--key", paramLabel = "FILE", description = "PEM (PKCS#8): its key.")
    Path key;

    @Option(
        names = "--location",
        paramLabel = "NAME",
        description = "Storage location of the snapshots (default local).")
    String location;

    @Option(names = "--retain", paramLabel = "N", description = "Snapshots kept.")
    Integer retain;

    @Mixin OutputOption output;

    @Override
    public Integer call() {
      Map<String, Object> body = new LinkedHashMap<>();
      if (endpoints != null) {
        body.put("endpoints", endpoints);
      }
      putFile(body, "ca", ca);
      putFile(body, "cert", cert);
      putFile(body, "key", key);
      if (location != null) {
        body.put("location", location);
      }
      if (retain != null) {
        body.put("retain", retain);
      }
      JsonNode view = client().put(etcdPath(this, ""), body);
      if (!output.printedJson(out(), view)) {
        printConnection(this, view);
      }
      return ExitCode.OK;
    }

    private void putFile(Map<String, Object> body, String field, Path file) {
      if (file == null) {
        return;
      }
      try {
        if (Files.size(file) > 1024 * 1024) {
          throw usage("etcd.file-too-large", file);
        }
        body.put(field, Files.readString(file));
      } catch (IOException e) {
        throw usage("etcd.unreadable-file", file, e.getMessage());
      }
    }
  }

  /** {@code etcd get}. */
  @Command(name = "get", description = "Show the cluster's etcd connection (no secrets).")
  public static final class Get extends ApiCommand {
    @Mixin OutputOption output;

    @Override
    public Integer call() {
      JsonNode view = client().get(etcdPath(this, ""));
      if (!output.printedJson(out(), view)) {
        printConnection(this, view);
      }
      return ExitCode.OK;
    }
  }

  /** {@code etcd unset}. */
  @Command(name = "unset", description = "Remove the cluster's etcd connection (snapshots stay).")
  public static final class Unset extends ApiCommand {
    @Override
    public Integer call() {
      client().send("DELETE", etcdPath(this, ""), null);
      out().println(messages().get("etcd.unset", cluster()));
      return ExitCode.OK;
    }
  }

  static void printConnection(ApiCommand command, JsonNode view) {
    JsonNode client = view.path("clientCertificate");
    command
        .out()
        .println(
            command
                .messages()
                .get(
                    "etcd.connection",
                    Json.text(view, "cluster"),
                    String.join(", ", SilenceCommand.texts(view.path("endpoints"))),
                    Json.text(view, "location"),
                    Json.text(view, "retain"),
                    Json.text(client, "subject"),
                    Json.text(client, "notAfter"),
                    Json.text(client, "sha256Fingerprint")));
  }

  /** {@code etcd snapshot save|list|verify|download|delete}. */
  @Command(
      name = "snapshot",
      description = "etcd snapshots: save, list, verify, download, delete.",
      subcommands = {
        EtcdCommand.Save.class,
        EtcdCommand.ListSnapshots.class,
        EtcdCommand.Verify.class,
        EtcdCommand.Download.class,
        EtcdCommand.Delete.class
      })
  public static final class Snapshot implements Runnable {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(
        names = {"-h", "--help"},
        usageHelp = true,
        description = "Show this help.")
    boolean help;

    @Override
    public void run() {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "Missing subcommand: save, list, verify, download or delete");
    }
  }

  @Command(name = "save", description = "Take a snapshot of etcd now (retention applies).")
  public static final class Save extends ApiCommand {
    @Mixin OutputOption output;

    @Override
    public Integer call() {
      JsonNode s = client().post(etcdPath(this, "/snapshots"), Map.of());
      if (!output.printedJson(out(), s)) {
        out()
            .println(
                messages()
                    .get(
                        "etcd.saved",
                        Json.text(s, "id"),
                        Json.text(s, "size"),
                        Json.text(s, "sha256"),
                        Json.text(s, "revision")));
      }
      return ExitCode.OK;
    }
  }

  @Command(name = "list", aliases = "ls", description = "List the snapshots, newest first.")
  public static final class ListSnapshots extends ApiCommand {
    @Mixin OutputOption output;

    @Override
    public Integer call() {
      JsonNode answer = client().get(etcdPath(this, "/snapshots"));
      if (output.printedJson(out(), answer)) {
        return ExitCode.OK;
      }
      Table table = new Table("ID", "SIZE", "REVISION", "ETCD", "LOCATION", "SHA256");
      for (JsonNode s : answer) {
        table.row(
            Json.text(s, "id"),
            Json.text(s, "size"),
            Json.text(s, "revision"),
            Json.text(s, "etcdVersion"),
            Json.text(s, "location"),
            Json.text(s, "sha256"));
      }
      if (table.isEmpty()) {
        out().println(messages().get("etcd.none"));
      } else {
        table.print(out(), "");
      }
      return ExitCode.OK;
    }
  }

  @Command(
      name = "verify",
      description =
          "Verify a snapshot: its SHA-256 against the recorded one and etcd's own trailing hash."
              + " Exit code 4 when it fails.")
  public static final class Verify extends ApiCommand {
    @Parameters(paramLabel = "ID")
    String id;

    @Mixin OutputOption output;

    @Override
    public Integer call() {
      JsonNode v =
          client()
              .post(
                  etcdPath(this, "/snapshots/" + KubewardClient.segment(id) + "/verify"), Map.of());
      boolean ok = v.path("ok").asBoolean(false);
      if (!output.printedJson(out(), v)) {
        if (ok) {
          out().println(messages().get("etcd.verified", id, Json.text(v, "etcdIntegrity")));
        } else {
          out()
              .println(
                  messages()
                      .get(
                          "etcd.verify-failed",
                          id,
                          String.join("; ", SilenceCommand.texts(v.path("problems")))));
        }
      }
      return ok ? ExitCode.OK : ExitCode.NOT_SUCCEEDED;
    }
  }

  @Command(name = "download", description = "Download a snapshot (the .db etcdutl restores).")
  public static final class Download extends ApiCommand {
    @Parameters(paramLabel = "ID")
    String id;

    @Option(
        names = {"-o", "--output-file"},
        paramLabel = "FILE",
        description = "Where to write it (default etcd-<cluster>-<id>.db).")
    Path file;

    @Override
    public Integer call() {
      Path target = file != null ? file : Path.of("etcd-" + cluster() + "-" + id + ".db");
      var headers =
          client()
              .download(
                  etcdPath(this, "/snapshots/" + KubewardClient.segment(id) + "/download"), target);
      out()
          .println(
              messages()
                  .get(
                      "etcd.downloaded",
                      id,
                      target,
                      headers.firstValue("X-Checksum-Sha256").orElse("-")));
      return ExitCode.OK;
    }
  }

  @Command(name = "delete", description = "Delete a snapshot.")
  public static final class Delete extends ApiCommand {
    @Parameters(paramLabel = "ID", arity = "1..*")
    List<String> ids;

    @Override
    public Integer call() {
      for (String id : ids) {
        client().send("DELETE", etcdPath(this, "/snapshots/" + KubewardClient.segment(id)), null);
        out().println(messages().get("etcd.deleted", id));
      }
      return ExitCode.OK;
    }
  }
}
