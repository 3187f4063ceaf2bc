package io.kubeward.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubeward.cli.ExitCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kubeward cronjob suspend|resume|trigger NAME -n NS}. */
@Command(
    name = "cronjob",
    description = "Suspend or resume a CronJob, or start a Job from it now.",
    subcommands = {
      CronJobCommand.Suspend.class,
      CronJobCommand.Resume.class,
      CronJobCommand.Trigger.class
    })
public final class CronJobCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help.")
  boolean help;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "Missing subcommand: suspend, resume or trigger");
  }

  abstract static class CronJobAction extends WorkloadOpCommand {
    @Parameters(paramLabel = "NAME")
    String name;

    abstract String action();

    @Override
    public Integer call() {
      JsonNode answer = client().post(path(new Target("cronjobs", name), "/" + action()), null);
      if (answer.path("job").has("name")) {
        out()
            .println(
                messages()
                    .get("cronjob.triggered", name, answer.path("job").path("name").asText()));
      } else {
        out()
            .println(
                messages()
                    .get(
                        "suspend".equals(action()) ? "cronjob.suspended" : "cronjob.resumed",
                        name));
      }
      printWarningsAndAudit(answer);
      return ExitCode.OK;
    }
  }

  @Command(name = "suspend", description = "No new Jobs on schedule until resumed.")
  public static final class Suspend extends CronJobAction {
    @Override
    String action() {
      return "suspend";
    }
  }

  @Command(name = "resume", description = "Schedule Jobs again.")
  public static final class Resume extends CronJobAction {
    @Override
    String action() {
      return "resume";
    }
  }

  @Command(name = "trigger", description = "Create a Job from the CronJob's template now.")
  public static final class Trigger extends CronJobAction {
    @Override
    String action() {
      return "trigger";
    }
  }
}
