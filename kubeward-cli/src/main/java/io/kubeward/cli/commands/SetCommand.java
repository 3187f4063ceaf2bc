package io.kubeward.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubeward.cli.ExitCode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kubeward set image KIND/NAME CONTAINER=IMAGE...}. */
@Command(
    name = "set",
    description = "Change a workload's pod template.",
    subcommands = {SetCommand.Image.class})
public final class SetCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help.")
  boolean help;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "Missing subcommand: image");
  }

  /** {@code set image KIND/NAME CONTAINER=IMAGE...}. */
  @Command(name = "image", description = "Set container images (a new rollout).")
  public static final class Image extends WorkloadOpCommand {
    @Parameters(index = "0", paramLabel = "KIND/NAME")
    String workload;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "CONTAINER=IMAGE")
    List<String> images;

    @Override
    public Integer call() {
      Target target = target(workload);
      Map<String, String> wanted = new LinkedHashMap<>();
      for (String pair : images) {
        int eq = pair.indexOf('=');
        if (eq <= 0 || eq == pair.length() - 1) {
          throw usage("workload.usage.image", pair);
        }
        wanted.put(pair.substring(0, eq), pair.substring(eq + 1));
      }
      JsonNode answer = client().post(path(target, "/image"), Map.of("images", wanted));
      wanted.forEach(
          (container, image) ->
              out().println(messages().get("workload.image-set", workload, container, image)));
      printWarningsAndAudit(answer);
      return ExitCode.OK;
    }
  }
}
