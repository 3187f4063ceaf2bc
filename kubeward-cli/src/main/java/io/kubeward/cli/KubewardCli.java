package io.kubeward.cli;

import io.kubeward.cli.commands.AlertsCommand;
import io.kubeward.cli.commands.AuditCommand;
import io.kubeward.cli.commands.DrainCommand;
import io.kubeward.cli.commands.EventsCommand;
import io.kubeward.cli.commands.ExecCommand;
import io.kubeward.cli.commands.HealthCommand;
import io.kubeward.cli.commands.LoginCommand;
import io.kubeward.cli.commands.LogsCommand;
import io.kubeward.cli.commands.MaintenanceCommand;
import io.kubeward.cli.commands.NodeCommand;
import io.kubeward.cli.commands.NodesCommand;
import io.kubeward.cli.commands.PortForwardCommand;
import io.kubeward.cli.commands.TopCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code kubeward}: the command line over Kubeward's REST API. Every command is a request to the
 * same application layer as the console; {@link #run} is the in-process entry point used by tests.
 */
@Command(
    name = "kubeward",
    description =
        "Kubeward from the command line: nodes, drains, maintenances and usage over the REST API.",
    mixinStandardHelpOptions = true,
    versionProvider = KubewardCli.Version.class,
    subcommands = {
      LoginCommand.class,
      NodesCommand.class,
      NodeCommand.class,
      DrainCommand.class,
      MaintenanceCommand.class,
      HealthCommand.class,
      AuditCommand.class,
      TopCommand.class,
      EventsCommand.class,
      LogsCommand.class,
      PortForwardCommand.class,
      ExecCommand.class,
      // --- alerting routing ---
      io.kubeward.cli.commands.SilenceCommand.class,
      // --- alerting engine ---
      AlertsCommand.class,
      // --- issue 15 workloads ---
      io.kubeward.cli.commands.WorkloadCommand.class,
      // --- issue 15 ops ---
      io.kubeward.cli.commands.ScaleCommand.class,
      io.kubeward.cli.commands.RolloutCommand.class,
      io.kubeward.cli.commands.SetCommand.class,
      io.kubeward.cli.commands.CronJobCommand.class,
      io.kubeward.cli.commands.DeleteCommand.class,
      // --- issue 15 release ---
      io.kubeward.cli.commands.ReleaseCommand.class,
      // --- issue 16 backup
      io.kubeward.cli.commands.BackupCommand.class,
      // --- issue 16 archive ---
      io.kubeward.cli.commands.BackupLocationCommand.class,
      // --- issue 16 etcd ---
      io.kubeward.cli.commands.EtcdCommand.class,
      // --- issue 16 restore ---
      io.kubeward.cli.commands.RestoreCommand.class,
      // --- issue 17 rbac ---
      io.kubeward.cli.commands.RbacCommand.class,
      // --- end issue 17 rbac ---
      // --- issue 17 tenancy ---
      io.kubeward.cli.commands.TeamCommand.class,
      io.kubeward.cli.commands.QuotaCommand.class,
      // --- end issue 17 tenancy ---
      // --- issue 17 hpa ---
      io.kubeward.cli.commands.HpaCommand.class,
      // --- end issue 17 hpa ---
      // --- issue 17 rightsizing ---
      io.kubeward.cli.commands.RightsizingCommand.class,
      // --- end issue 17 rightsizing ---
      // --- issue 17 capacity ---
      io.kubeward.cli.commands.CapacityCommand.class,
      io.kubeward.cli.commands.WhatIfCommand.class,
      // --- end issue 17 capacity ---
      // --- issue 17 posture ---
      io.kubeward.cli.commands.PostureCommand.class,
      // --- end issue 17 posture ---
      // --- issue 18 helm ---
      io.kubeward.cli.commands.AppCommand.class,
      // --- end issue 18 helm ---
      // --- issue 18 upgrade ---
      io.kubeward.cli.commands.UpgradeCheckCommand.class,
      // --- end issue 18 upgrade ---
      // --- issue 19 fleet ---
      io.kubeward.cli.commands.ProblemsCommand.class,
      // --- end issue 19 fleet ---
      // --- issue 19 loading ---
      io.kubeward.cli.commands.OverviewCommand.class,
      // --- end issue 19 loading ---
      CommandLine.HelpCommand.class
    })
public final class KubewardCli implements Runnable {

  private final CliContext context;

  @Spec CommandSpec spec;

  KubewardCli(CliContext context) {
    this.context = context;
  }

  public CliContext context() {
    return context;
  }

  @Override
  public void run() {
    spec.commandLine().usage(context.out());
  }

  public static void main(String[] args) {
    System.exit(run(args, CliContext.system()));
  }

  /** Runs one command line; answers the exit code (see {@link ExitCode}). */
  public static int run(String[] args, CliContext context) {
    int code = commandLine(context).execute(args);
    context.out().flush();
    context.err().flush();
    return code;
  }

  /** The command line with its error handlers: usage errors exit 1, failures one sentence. */
  public static CommandLine commandLine(CliContext context) {
    Messages messages = context.messages();
    CommandLine cli = new CommandLine(new KubewardCli(context));
    cli.setOut(context.out());
    cli.setErr(context.err());
    cli.setParameterExceptionHandler(
        (e, arguments) -> {
          context.err().println(e.getMessage());
          context
              .err()
              .println(
                  messages.get("usage.hint", e.getCommandLine().getCommandSpec().qualifiedName()));
          context.err().flush();
          return ExitCode.USAGE;
        });
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          if (e instanceof CliException failure) {
            context.err().println(failure.getMessage());
            context.err().flush();
            return failure.exitCode();
          }
          context.err().println(messages.get("error.internal", String.valueOf(e)));
          context.err().flush();
          return ExitCode.INTERNAL;
        });
    return cli;
  }

  /** The version from the jar's manifest, when there is one. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = KubewardCli.class.getPackage().getImplementationVersion();
      return new String[] {"Kubeward CLI " + (version == null ? "(development build)" : version)};
    }
  }
}
