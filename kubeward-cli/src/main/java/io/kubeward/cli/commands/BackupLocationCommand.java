package io.kubeward.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubeward.cli.ExitCode;
import io.kubeward.cli.Json;
import io.kubeward.cli.KubewardClient;
import io.kubeward.cli.Table;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kubeward backup-location list|create|delete|check}: where backups and etcd snapshots are
 * stored (administrators; ADR 0040). The secret access key is read from standard input, never from
 * the command line.
 */
@Command(
    name = "backup-location",
    description = "Storage locations of backups and etcd snapshots: list, create, delete, check.",
    subcommands = {
      BackupLocationCommand.ListLocations.class,
      BackupLocationCommand.Create.class,
      BackupLocationCommand.Delete.class,
      BackupLocationCommand.Check.class
    })
public final class BackupLocationCommand implements Runnable {

  static final String LOCATIONS = "/api/v1/backup-locations";

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help.")
  boolean help;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "Missing subcommand: list, create, delete or check");
  }

  /** {@code backup-location list}. */
  @Command(name = "list", aliases = "ls", description = "List the storage locations.")
  public static final class ListLocations extends ApiCommand {
    @Mixin OutputOption output;

    @Override
    public Integer call() {
      JsonNode answer = client().get(LOCATIONS);
      if (output.printedJson(out(), answer)) {
        return ExitCode.OK;
      }
      Table table = new Table("NAME", "TYPE", "WHERE", "CREDENTIALS", "UPDATED-BY");
      for (JsonNode l : answer) {
        String where =
            "local".equals(Json.text(l, "type"))
                ? Json.text(l, "directory")
                : (l.hasNonNull("endpoint") ? Json.text(l, "endpoint") : "AWS")
                    + " "
                    + Json.text(l, "bucket")
                    + "/"
                    + Json.text(l, "prefix");
        table.row(
            Json.text(l, "name"),
            Json.text(l, "type"),
            where,
            l.path("hasCredentials").asBoolean() ? "set" : "-",
            l.hasNonNull("updatedBy") ? Json.text(l, "updatedBy") : "-");
      }
      table.print(out(), "");
      return ExitCode.OK;
    }
  }

  /** {@code backup-location create NAME --bucket B [--endpoint URL] ...}. */
  @Command(
      name = "create",
      description =
          "Register an S3-compatible location; give the secret access key on standard input"
              + " with --secret-access-key-stdin.")
  public static final class Create extends ApiCommand {
    @Parameters(paramLabel = "NAME", description = "A DNS label.")
    String name;

    @Option(names = "--bucket", required = true, paramLabel = "BUCKET")
    String bucket;

    @Option(
        names = "--endpoint",
        paramLabel = "URL",
        description = "The S3 endpoint, e.g. https://s3.example:9000 (default: AWS).")
    String endpoint;

    @Option(names = "--region", paramLabel = "REGION", description = "Default us-east-1.")
    String region;

    @Option(names = "--prefix", paramLabel = "PREFIX", description = "Key prefix in the bucket.")
    String prefix;

    @Option(
        names = "--path-style",
        negatable = true,
        description = "Path-style addressing (default: on with --endpoint).")
    Boolean pathStyle;

    @Option(names = "--access-key-id", paramLabel = "ID")
    String accessKeyId;

    @Option(
        names = "--secret-access-key-stdin",
        description = "Read the secret access key from the first line of standard input.")
    boolean secretFromStdin;

    @Option(
        names = "--allow-private-addresses",
        description = "Allow a loopback or private endpoint (refused by default: SSRF guard).")
    boolean allowPrivateAddresses;

    @Mixin OutputOption output;

    @Override
    public Integer call() {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("name", name);
      body.put("type", "s3");
      body.put("endpoint", endpoint);
      body.put("region", region);
      body.put("bucket", bucket);
      body.put("prefix", prefix);
      body.put("pathStyle", pathStyle);
      body.put("accessKeyId", accessKeyId);
      if (secretFromStdin) {
        try {
          String line = context().in().readLine();
          if (line == null || line.isBlank()) {
            throw usage("backup-location.no-secret");
          }
          body.put("secretAccessKey", line.strip());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      body.put("allowPrivateAddresses", allowPrivateAddresses);
      JsonNode view = client().post(LOCATIONS, body);
      if (!output.printedJson(out(), view)) {
        out().println(messages().get("backup-location.created", Json.text(view, "name")));
      }
      return ExitCode.OK;
    }
  }

  /** {@code backup-location delete NAME}. */
  @Command(
      name = "delete",
      description = "Delete a storage location (its files stay where they are).")
  public static final class Delete extends ApiCommand {
    @Parameters(paramLabel = "NAME")
    String name;

    @Override
    public Integer call() {
      client().send("DELETE", LOCATIONS + "/" + KubewardClient.segment(name), null);
      out().println(messages().get("backup-location.deleted", name));
      return ExitCode.OK;
    }
  }

  /** {@code backup-location check NAME}. */
  @Command(
      name = "check",
      description = "Write, list, read back and delete a small file in the location.")
  public static final class Check extends ApiCommand {
    @Parameters(paramLabel = "NAME")
    String name;

    @Override
    public Integer call() {
      JsonNode result =
          client().post(LOCATIONS + "/" + KubewardClient.segment(name) + "/check", Map.of());
      out()
          .println(
              messages()
                  .get("backup-location.checked", name, result.path("latencyMillis").asLong()));
      return ExitCode.OK;
    }
  }
}
