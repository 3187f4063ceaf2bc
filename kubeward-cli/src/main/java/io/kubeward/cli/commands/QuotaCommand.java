package io.kubeward.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubeward.cli.ExitCode;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kubeward quota preview|apply NAMESPACE --hard k=v...}: which workloads a proposed quota
 * would refuse, then apply it with your rights (ADR 0045).
 */
@Command(
    name = "quota",
    description = "A namespace's ResourceQuota: preview the workloads it would refuse, apply it.",
    subcommands = {QuotaCommand.Preview.class, QuotaCommand.Apply.class})
public final class QuotaCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help.")
  boolean help;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "Missing subcommand: preview or apply");
  }

  abstract static class QuotaArgs extends ApiCommand {
    @Parameters(index = "0", paramLabel = "NAMESPACE", description = "The namespace.")
    String namespace;

    @Option(
        names = "--hard",
        paramLabel = "RESOURCE=QUANTITY",
        required = true,
        description = "A hard value, e.g. requests.cpu=4 (repeatable).")
    Map<String, String> hard;

    @Mixin OutputOption output;

    String path(String rest) {
      return clusterPath("/tenancy/namespaces/" + segment(namespace) + "/quota" + rest);
    }

    static String segment(String value) {
      return io.kubeward.cli.KubewardClient.segment(value);
    }
  }

  /** {@code quota preview NAMESPACE --hard ...}; exit 4 when something would be refused. */
  @Command(
      name = "preview",
      description = "List the workloads the quota would refuse (exit 4 if any).")
  public static final class Preview extends QuotaArgs {
    @Override
    public Integer call() {
      JsonNode preview = client().post(path("/preview"), Map.of("hard", hard));
      JsonNode violations = preview.path("violations");
      if (!output.printedJson(out(), preview)) {
        if (violations.isEmpty()) {
          out().println(messages().get("quota.no-violations", preview.path("podsChecked").asInt()));
        }
        boolean zh = messages().get("quota.language").equals("zh");
        for (JsonNode v : violations) {
          out().println("- " + v.path(zh ? "zh" : "en").asText());
        }
      }
      return violations.isEmpty() ? ExitCode.OK : ExitCode.NOT_SUCCEEDED;
    }
  }

  /** {@code quota apply NAMESPACE --hard ...}. */
  @Command(name = "apply", description = "Apply the quota (team-quota) with your rights.")
  public static final class Apply extends QuotaArgs {
    @Override
    public Integer call() {
      JsonNode applied = client().send("PUT", path(""), Map.of("hard", hard));
      if (!output.printedJson(out(), applied)) {
        out().println(messages().get("quota.applied", namespace, applied.path("auditId").asLong()));
      }
      return ExitCode.OK;
    }
  }
}
