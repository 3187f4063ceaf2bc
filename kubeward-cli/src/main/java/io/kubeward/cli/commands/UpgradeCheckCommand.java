package io.kubeward.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubeward.cli.ExitCode;
import io.kubeward.cli.Json;
import io.kubeward.cli.KubewardClient;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code kubeward upgrade-check [--target 1.35] [--markdown-file FILE]}: the cluster's upgrade
 * readiness checklist (issue 18, ADR 0055) in your language; exits {@value ExitCode#NOT_SUCCEEDED}
 * when a step fails.
 */
@Command(
    name = "upgrade-check",
    description =
        "Upgrade readiness of a cluster for a target minor version: control-plane path, node"
            + " version skew, deprecated APIs, certificates, disruption budgets. Exits 4 when a"
            + " step fails.")
public final class UpgradeCheckCommand extends ApiCommand {

  @Option(
      names = "--target",
      paramLabel = "MINOR",
      description = "The target minor version, e.g. 1.35 (default: the next minor).")
  String target;

  @Option(
      names = "--markdown-file",
      paramLabel = "FILE",
      description = "Also write the checklist as Markdown to this file.")
  Path file;

  @Mixin OutputOption output;

  @Override
  public Integer call() {
    String query =
        target == null || target.isBlank() ? "" : "?target=" + KubewardClient.query(target);
    JsonNode report = client().get(clusterPath("/upgrade-readiness" + query));
    if (file != null) {
      client()
          .download(
              clusterPath(
                  "/upgrade-readiness/report"
                      + (query.isEmpty() ? "?" : query + "&")
                      + "format=markdown"),
              file);
    }
    boolean failed = "fail".equals(Json.text(report, "overall"));
    if (output.printedJson(out(), report)) {
      return failed ? ExitCode.NOT_SUCCEEDED : ExitCode.OK;
    }
    out()
        .println(
            messages()
                .get(
                    "upgrade.header",
                    Json.text(report, "cluster"),
                    Json.text(report, "controlPlaneVersion"),
                    Json.text(report, "target"),
                    report.path("path").isEmpty()
                        ? "-"
                        : String.join(" -> ", SilenceCommand.texts(report.path("path")))));
    out().println();
    for (JsonNode step : report.path("steps")) {
      out()
          .println(
              Json.text(step, "number")
                  + ". "
                  + mark(Json.text(step, "status"))
                  + " "
                  + Json.text(step, "title"));
      for (JsonNode f : step.path("findings")) {
        out().println("     " + mark(Json.text(f, "status")) + " " + Json.text(f, "text"));
      }
      if (!"pass".equals(Json.text(step, "status"))) {
        out().println("     -> " + Json.text(step, "advice"));
      }
    }
    out().println();
    out().println(Json.text(report, "overallText"));
    if (file != null) {
      out().println(messages().get("upgrade.report-written", file));
    }
    return failed ? ExitCode.NOT_SUCCEEDED : ExitCode.OK;
  }

  private static String mark(String status) {
    return switch (status) {
      case "pass" -> "[PASS]";
      case "warn" -> "[WARN]";
      case "fail" -> "[FAIL]";
      default -> "[ ?? ]";
    };
  }
}
