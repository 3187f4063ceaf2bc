package io.kubeward.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubeward.cli.ExitCode;
import io.kubeward.cli.Json;
import io.kubeward.cli.KubewardClient;
import io.kubeward.cli.Table;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kubeward posture scan|report|except|unexcept}: the security posture of a cluster (issue
 * 17, ADR 0050): scores, findings, the report file, exceptions (administrators).
 */
@Command(
    name = "posture",
    description = "Security posture of a cluster: scores, findings, report, exceptions.",
    subcommands = {
      PostureCommand.Scan.class,
      PostureCommand.Report.class,
      PostureCommand.Except.class,
      PostureCommand.Unexcept.class
    })
public final class PostureCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help.")
  boolean help;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "Missing subcommand: scan, report, except or unexcept");
  }

  /** {@code posture scan [--cached] [--check] [--namespace] [--severity]}. */
  @Command(
      name = "scan",
      description =
          "Scan the cluster now (live, with your rights) and print the scores and findings.")
  public static final class Scan extends ApiCommand {
    @Option(names = "--cached", description = "Answer the last scan while it is fresh.")
    boolean cached;

    @Option(names = "--check", paramLabel = "ID", description = "Only this check's findings.")
    String check;

    @Option(names = "--namespace", paramLabel = "NS", description = "Only this namespace.")
    String namespace;

    @Option(
        names = "--severity",
        paramLabel = "LEVEL",
        description = "Only critical, high, medium or low findings.")
    String severity;

    @Mixin OutputOption output;

    @Override
    public Integer call() {
      if (!cached) {
        client().post(clusterPath("/posture/scan"), Map.of());
      }
      StringBuilder query = new StringBuilder();
      append(query, "check", check);
      append(query, "namespace", namespace);
      append(query, "severity", severity);
      JsonNode report = client().get(clusterPath("/posture" + query));
      if (output.printedJson(out(), report)) {
        return ExitCode.OK;
      }
      out()
          .println(
              messages()
                  .get(
                      "posture.score",
                      Json.text(report, "cluster"),
                      Json.text(report.path("score"), "score")));
      Table namespaces = new Table("NAMESPACE", "SCORE", "FAILED", "EXCEPTED");
      for (JsonNode n : report.path("namespaces")) {
        JsonNode s = n.path("score");
        namespaces.row(
            Json.text(n, "namespace"),
            Json.text(s, "score"),
            Json.text(s, "failed"),
            Json.text(s, "excepted"));
      }
      namespaces.print(out(), "");
      out().println();
      Table findings = new Table("SEVERITY", "CHECK", "OBJECT", "SOURCE", "DETAIL", "EXCEPTED");
      for (JsonNode f : report.path("findings")) {
        String ns = f.path("namespace").isNull() ? "" : Json.text(f, "namespace") + "/";
        findings.row(
            Json.text(f, "severity"),
            Json.text(f, "check"),
            Json.text(f, "kind") + " " + ns + Json.text(f, "name"),
            String.join("; ", SilenceCommand.texts(f.path("citations"))),
            Json.text(f, "detail"),
            f.path("exceptionId").isNull() ? "" : Json.text(f, "exceptedUntil"));
      }
      if (findings.isEmpty()) {
        out().println(messages().get("posture.no-findings"));
      } else {
        findings.print(out(), "");
      }
      for (JsonNode n : report.path("notes")) {
        out().println(Json.text(n, "message"));
      }
      return ExitCode.OK;
    }

    private static void append(StringBuilder query, String name, String value) {
      if (value != null && !value.isBlank()) {
        query
            .append(query.isEmpty() ? '?' : '&')
            .append(name)
            .append('=')
            .append(KubewardClient.query(value));
      }
    }
  }

  /** {@code posture report --format json|markdown|html -o FILE}. */
  @Command(name = "report", description = "Download the report (in your language) to a file.")
  public static final class Report extends ApiCommand {
    @Option(
        names = "--format",
        paramLabel = "FORMAT",
        defaultValue = "markdown",
        description = "json, markdown (default) or html.")
    String format;

    @Option(
        names = {"-o", "--output-file"},
        paramLabel = "FILE",
        required = true,
        description = "Where to write the report.")
    Path file;

    @Override
    public Integer call() {
      client()
          .download(clusterPath("/posture/report?format=" + KubewardClient.query(format)), file);
      out().println(messages().get("posture.report-written", file));
      return ExitCode.OK;
    }
  }

  /** {@code posture except CHECK --scope ... --reason ... --days N}. */
  @Command(
      name = "except",
      description =
          "Record an exception (administrators; audited): the check's findings in the scope do"
              + " not lower the score until it expires.")
  public static final class Except extends ApiCommand {
    @Parameters(index = "0", paramLabel = "CHECK", description = "The check id, e.g. privileged.")
    String check;

    @Option(
        names = "--scope",
        defaultValue = "object",
        description = "cluster, namespace or object (default).")
    String scope;

    @Option(names = "--namespace", paramLabel = "NS", description = "For scope namespace/object.")
    String namespace;

    @Option(
        names = "--kind",
        paramLabel = "KIND",
        description = "For scope object, e.g. Deployment.")
    String kind;

    @Option(names = "--name", paramLabel = "NAME", description = "For scope object.")
    String name;

    @Option(names = "--reason", required = true, description = "Why the risk is accepted.")
    String reason;

    @Option(
        names = "--days",
        required = true,
        paramLabel = "N",
        description = "Expires in N days (1 to 365).")
    int days;

    @Mixin OutputOption output;

    @Override
    public Integer call() {
      if (days < 1 || days > 365) {
        throw usage("posture.days-out-of-range", days);
      }
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("check", check);
      body.put("scope", scope);
      body.put("namespace", namespace);
      body.put("kind", kind);
      body.put("name", name);
      body.put("reason", reason);
      body.put("expiresAt", Instant.now().plus(Duration.ofDays(days)).toString());
      JsonNode created = client().post(clusterPath("/posture/exceptions"), body);
      if (!output.printedJson(out(), created)) {
        out()
            .println(
                messages()
                    .get(
                        "posture.excepted",
                        Json.text(created, "id"),
                        Json.text(created, "expiresAt")));
      }
      return ExitCode.OK;
    }
  }

  /** {@code posture unexcept ID}. */
  @Command(name = "unexcept", description = "Delete an exception (administrators; audited).")
  public static final class Unexcept extends ApiCommand {
    @Parameters(index = "0", paramLabel = "ID", description = "The exception id.")
    String id;

    @Override
    public Integer call() {
      client()
          .send("DELETE", clusterPath("/posture/exceptions/" + KubewardClient.segment(id)), null);
      out().println(messages().get("posture.unexcepted", id));
      return ExitCode.OK;
    }
  }
}
