package io.kubeward.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubeward.cli.ExitCode;
import io.kubeward.cli.Json;
import io.kubeward.cli.Table;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kubeward rollout restart|pause|resume|history|undo KIND/NAME}. ({@code rollout status} is
 * the workloads part's; the lead registers it here at merge.)
 */
@Command(
    name = "rollout",
    description = "Restart, pause, resume, list or undo a workload's rollouts.",
    subcommands = {
      RolloutCommand.Restart.class,
      RolloutCommand.Pause.class,
      RolloutCommand.Resume.class,
      RolloutCommand.History.class,
      RolloutCommand.Undo.class,
      RolloutStatusCommand.class
    })
public final class RolloutCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help.")
  boolean help;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "Missing subcommand: restart, pause, resume, history or undo");
  }

  abstract static class Simple extends WorkloadOpCommand {
    @Parameters(paramLabel = "KIND/NAME")
    String workload;

    abstract String action();

    @Override
    public Integer call() {
      JsonNode answer = client().post(path(target(workload), "/" + action()), null);
      out().println(messages().get("rollout." + action(), workload));
      printWarningsAndAudit(answer);
      return ExitCode.OK;
    }
  }

  @Command(
      name = "restart",
      description = "Restart the pods by a new rollout (kubectl rollout restart).")
  public static final class Restart extends Simple {
    @Override
    String action() {
      return "restart";
    }
  }

  @Command(name = "pause", description = "Pause a Deployment's rollout.")
  public static final class Pause extends Simple {
    @Override
    String action() {
      return "pause";
    }
  }

  @Command(name = "resume", description = "Resume a paused Deployment's rollout.")
  public static final class Resume extends Simple {
    @Override
    String action() {
      return "resume";
    }
  }

  /** {@code rollout history KIND/NAME [--revision N]}. */
  @Command(name = "history", description = "The revisions; with --revision, one's pod template.")
  public static final class History extends WorkloadOpCommand {
    @Parameters(paramLabel = "KIND/NAME")
    String workload;

    @Option(names = "--revision", description = "Show this revision's pod template.")
    Long revision;

    @Mixin OutputOption output;

    @Override
    public Integer call() {
      Target target = target(workload);
      if (revision != null) {
        JsonNode detail = client().get(path(target, "/revisions/" + revision));
        if (!output.printedJson(out(), detail)) {
          out().println(Json.text(detail, "template", "").stripTrailing());
        }
        return ExitCode.OK;
      }
      JsonNode revisions = client().get(path(target, "/revisions"));
      if (output.printedJson(out(), revisions)) {
        return ExitCode.OK;
      }
      Table table =
          new Table(
              messages().get("rollout.col.revision"),
              messages().get("rollout.col.current"),
              messages().get("rollout.col.source"),
              messages().get("rollout.col.images"),
              messages().get("rollout.col.change-cause"));
      for (JsonNode r : revisions) {
        StringBuilder images = new StringBuilder();
        r.path("images")
            .forEach(i -> images.append(images.isEmpty() ? "" : ",").append(i.asText()));
        table.row(
            r.path("revision").asLong(),
            r.path("current").asBoolean() ? "*" : "",
            Json.text(r, "source", ""),
            images,
            Json.text(r, "changeCause", "<none>"));
      }
      table.print(out(), "");
      return ExitCode.OK;
    }
  }

  /** {@code rollout undo KIND/NAME [--to-revision N] [--dry-run]}. */
  @Command(name = "undo", description = "Roll back to a revision (default: the previous one).")
  public static final class Undo extends WorkloadOpCommand {
    @Parameters(paramLabel = "KIND/NAME")
    String workload;

    @Option(names = "--to-revision", description = "The revision to go back to.")
    Long toRevision;

    @Option(names = "--dry-run", description = "Only show the diff; change nothing.")
    boolean dryRun;

    @Override
    public Integer call() {
      Target target = target(workload);
      long wanted = toRevision == null || toRevision == 0 ? previous(target) : toRevision;
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("revision", wanted);
      body.put("dryRun", dryRun);
      JsonNode answer = client().post(path(target, "/rollback"), body);
      String diff = Json.text(answer.path("diff"), "unified", "");
      if (dryRun) {
        out()
            .println(
                diff.isEmpty()
                    ? messages().get("rollout.undo.same", wanted)
                    : diff.stripTrailing());
        out().println(messages().get("metadata.dry-run"));
        return ExitCode.OK;
      }
      out().println(messages().get("rollout.undone", workload, wanted));
      printWarningsAndAudit(answer);
      return ExitCode.OK;
    }

    /** kubectl's default: the newest revision before the current one. */
    private long previous(Target target) {
      for (JsonNode r : client().get(path(target, "/revisions"))) {
        if (!r.path("current").asBoolean()) {
          return r.path("revision").asLong();
        }
      }
      throw usage("rollout.undo.no-previous", workload);
    }
  }
}
