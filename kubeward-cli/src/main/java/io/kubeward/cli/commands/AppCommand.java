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
import java.time.Duration;
import java.util.Base64;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kubeward app list|history|values|install|upgrade|rollback|uninstall}: Helm releases as
 * apps (ADR 0051), read from their Secrets and changed by helm on the server, with your identity.
 */
@Command(
    name = "app",
    description =
        "Helm releases: list, history, values, install, upgrade (values and manifest diff first),"
            + " rollback, uninstall; done with your Kubernetes identity and audited.",
    subcommands = {
      AppCommand.ListApps.class,
      AppCommand.History.class,
      AppCommand.Values.class,
      AppCommand.Install.class,
      AppCommand.Upgrade.class,
      AppCommand.Rollback.class,
      AppCommand.Uninstall.class
    })
public final class AppCommand implements Runnable {

  /**
   * How long a request that runs helm may take: the server bounds each run by its {@code
   * kubeward.helm.timeout} (at most 1 h), so the CLI waits that long and a little more rather than
   * giving up after the usual minute while the release is still being changed.
   */
  static final Duration HELM_RUN = Duration.ofMinutes(61);

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
        "Missing subcommand: list, history, values, install, upgrade, rollback or uninstall");
  }

  /** A command on one release of a namespace. */
  abstract static class ReleaseApi extends ApiCommand {
    @Option(
        names = {"-n", "--namespace"},
        paramLabel = "NAMESPACE",
        description = "The release's namespace (default: default).")
    String namespace;

    @Parameters(index = "0", paramLabel = "RELEASE")
    String name;

    String ns() {
      return namespace == null || namespace.isBlank() ? "default" : namespace;
    }

    String releasePath() {
      return clusterPath(
          "/helm/releases/" + KubewardClient.segment(ns()) + "/" + KubewardClient.segment(name));
    }

    Integer changed(JsonNode answer, String key) {
      JsonNode release = answer.path("release");
      out()
          .println(
              messages()
                  .get(
                      key,
                      ns() + "/" + name,
                      Json.text(release, "revision"),
                      Json.text(release, "status"),
                      Json.text(release, "chart") + "-" + Json.text(release, "chartVersion"),
                      Json.text(answer, "auditId")));
      for (JsonNode hook : answer.path("hooks")) {
        out()
            .println(
                messages()
                    .get(
                        "app.hook",
                        Json.text(hook, "kind") + "/" + Json.text(hook, "name"),
                        Json.text(hook, "lastRunPhase")));
      }
      return "failed".equals(Json.text(release, "status")) ? ExitCode.REFUSED : ExitCode.OK;
    }
  }

  /** The chart flags of install and upgrade, and the values file. */
  abstract static class ChartWrite extends ReleaseApi {
    @Option(
        names = "--repo",
        paramLabel = "URL",
        description = "Chart repository URL (http/https).")
    String repository;

    @Option(names = "--chart", paramLabel = "NAME", description = "Chart name in the repository.")
    String chart;

    @Option(names = "--oci", paramLabel = "REF", description = "oci://host/path/chart")
    String oci;

    @Option(names = "--file", paramLabel = "CHART.tgz", description = "A packaged chart to upload.")
    Path file;

    @Option(
        names = "--version",
        paramLabel = "VERSION",
        description = "Chart version (default: newest).")
    String version;

    @Option(
        names = {"-f", "--values"},
        paramLabel = "FILE",
        description =
            "Values as one YAML document (for upgrade: all of them, replacing the current).")
    Path values;

    ObjectNode chartSource() {
      ObjectNode source = Json.MAPPER.createObjectNode();
      int given =
          (repository != null || chart != null ? 1 : 0)
              + (oci != null ? 1 : 0)
              + (file != null ? 1 : 0);
      if (given != 1) {
        throw usage("app.bad-chart");
      }
      if (file != null) {
        source.put("archive", Base64.getEncoder().encodeToString(read(file)));
        source.put("fileName", file.getFileName().toString());
      } else if (oci != null) {
        source.put("oci", oci);
      } else {
        source.put("repository", repository);
        source.put("chart", chart);
      }
      if (version != null) {
        source.put("version", version);
      }
      return source;
    }

    String valuesText() {
      return values == null ? null : new String(read(values), StandardCharsets.UTF_8);
    }

    byte[] read(Path path) {
      try {
        return Files.readAllBytes(path);
      } catch (IOException e) {
        throw usage("app.file-unreadable", path);
      }
    }
  }

  /** {@code app list [-n NS] [--status S]}. */
  @Command(
      name = "list",
      aliases = "ls",
      description = "List Helm releases (newest revision of each).")
  public static final class ListApps extends ApiCommand {
    @Option(
        names = {"-n", "--namespace"},
        paramLabel = "NAMESPACE",
        description = "Only this namespace (default: every namespace; needs secrets list rights).")
    String namespace;

    @Option(
        names = "--status",
        paramLabel = "STATUS",
        description = "Only this status (deployed, failed, ...).")
    String status;

    @Mixin OutputOption output;

    @Override
    public Integer call() {
      StringBuilder path = new StringBuilder(clusterPath("/helm/releases"));
      char sep = '?';
      if (namespace != null && !namespace.isBlank()) {
        path.append(sep).append("namespace=").append(KubewardClient.query(namespace));
        sep = '&';
      }
      if (status != null && !status.isBlank()) {
        path.append(sep).append("status=").append(KubewardClient.query(status));
      }
      JsonNode answer = client().get(path.toString());
      if (output.printedJson(out(), answer)) {
        return ExitCode.OK;
      }
      Table table =
          new Table("NAMESPACE", "NAME", "REVISION", "STATUS", "CHART", "APP VERSION", "UPDATED");
      for (JsonNode r : answer) {
        table.row(
            Json.text(r, "namespace"),
            Json.text(r, "name"),
            Json.text(r, "revision"),
            Json.text(r, "status"),
            Json.text(r, "chart") + "-" + Json.text(r, "chartVersion"),
            Json.text(r, "appVersion", "-"),
            Json.text(r, "updated", "-"));
      }
      if (table.isEmpty()) {
        out().println(messages().get("app.none", cluster()));
      } else {
        table.print(out(), "");
      }
      return ExitCode.OK;
    }
  }

  /** {@code app history RELEASE -n NS}. */
  @Command(name = "history", description = "Every revision of a release, newest first.")
  public static final class History extends ReleaseApi {
    @Mixin OutputOption output;

    @Override
    public Integer call() {
      JsonNode answer = client().get(releasePath() + "/history");
      if (output.printedJson(out(), answer)) {
        return ExitCode.OK;
      }
      Table table =
          new Table("REVISION", "UPDATED", "STATUS", "CHART", "APP VERSION", "DESCRIPTION");
      for (JsonNode r : answer) {
        table.row(
            Json.text(r, "revision"),
            Json.text(r, "updated", "-"),
            Json.text(r, "status"),
            Json.text(r, "chart") + "-" + Json.text(r, "chartVersion"),
            Json.text(r, "appVersion", "-"),
            Json.text(r, "description", ""));
      }
      table.print(out(), "");
      return ExitCode.OK;
    }
  }

  /** {@code app values RELEASE -n NS [--revision N]}: the user-supplied values as YAML. */
  @Command(name = "values", description = "The values you supplied (helm get values).")
  public static final class Values extends ReleaseApi {
    @Option(
        names = "--revision",
        paramLabel = "N",
        description = "A revision (default: the newest).")
    Integer revision;

    @Mixin OutputOption output;

    @Override
    public Integer call() {
      JsonNode detail =
          client().get(revision == null ? releasePath() : releasePath() + "/revisions/" + revision);
      if (output.printedJson(out(), detail.path("values"))) {
        return ExitCode.OK;
      }
      out().print(Json.text(detail, "valuesYaml", ""));
      out().flush();
      return ExitCode.OK;
    }
  }

  /** {@code app install RELEASE -n NS (--repo URL --chart NAME | --oci REF | --file X.tgz)}. */
  @Command(name = "install", description = "Install a chart as a new release.")
  public static final class Install extends ChartWrite {
    @Override
    public Integer call() {
      ObjectNode body = Json.MAPPER.createObjectNode();
      body.put("namespace", ns());
      body.put("name", name);
      body.set("chart", chartSource());
      body.put("values", valuesText());
      return changed(
          client().send("POST", clusterPath("/helm/releases"), body, HELM_RUN), "app.installed");
    }
  }

  /** {@code app upgrade RELEASE ... [--dry-run]}: prints the values and manifest diffs first. */
  @Command(
      name = "upgrade",
      description =
          "Upgrade a release: the values diff and the dry run's object diffs, then the upgrade.")
  public static final class Upgrade extends ChartWrite {
    @Option(names = "--dry-run", description = "Only show what would change.")
    boolean dryRun;

    @Override
    public Integer call() {
      ObjectNode body = Json.MAPPER.createObjectNode();
      body.set("chart", chartSource());
      body.put("values", valuesText());
      JsonNode preview = client().send("POST", releasePath() + "/upgrade/preview", body, HELM_RUN);
      String valuesDiff = Json.text(preview, "valuesDiff", "");
      out()
          .print(valuesDiff.isEmpty() ? messages().get("app.values-unchanged") + "\n" : valuesDiff);
      for (JsonNode object : preview.path("objects")) {
        String what = Json.text(object, "kind") + "/" + Json.text(object, "name");
        if (object.hasNonNull("problem")) {
          out().println(messages().get("app.object-problem", what, Json.text(object, "problem")));
        } else if (object.path("changed").asBoolean()) {
          out().print(Json.text(object, "diff", ""));
        }
      }
      if (dryRun) {
        out().println(messages().get("app.dry-run", ns() + "/" + name));
        return ExitCode.OK;
      }
      return changed(
          client().send("POST", releasePath() + "/upgrade", body, HELM_RUN), "app.upgraded");
    }
  }

  /** {@code app rollback RELEASE REVISION -n NS}. */
  @Command(name = "rollback", description = "Roll a release back to a revision.")
  public static final class Rollback extends ReleaseApi {
    @Parameters(index = "1", paramLabel = "REVISION")
    int revision;

    @Override
    public Integer call() {
      ObjectNode body = Json.MAPPER.createObjectNode();
      body.put("revision", revision);
      return changed(
          client().send("POST", releasePath() + "/rollback", body, HELM_RUN), "app.rolled-back");
    }
  }

  /** {@code app uninstall RELEASE -n NS}. */
  @Command(name = "uninstall", description = "Uninstall a release and delete its objects.")
  public static final class Uninstall extends ReleaseApi {
    @Override
    public Integer call() {
      JsonNode answer = client().send("DELETE", releasePath(), null, HELM_RUN);
      out()
          .println(
              messages().get("app.uninstalled", ns() + "/" + name, Json.text(answer, "auditId")));
      return ExitCode.OK;
    }
  }
}
