package io.kubeward.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubeward.cli.ExitCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kubeward delete KIND/NAME --cascade=background|foreground|orphan -n NS}. */
@Command(name = "delete", description = "Delete a workload, choosing what happens to its children.")
public final class DeleteCommand extends WorkloadOpCommand {

  enum Cascade {
    background,
    foreground,
    orphan
  }

  @Parameters(paramLabel = "KIND/NAME")
  String workload;

  @Option(
      names = "--cascade",
      description = "background (default), foreground or orphan (keep the children).")
  Cascade cascade = Cascade.background;

  @Override
  public Integer call() {
    Target target = target(workload);
    JsonNode answer = client().send("DELETE", path(target, "?cascade=" + cascade.name()), null);
    out().println(messages().get("workload.deleted", workload, cascade.name()));
    printWarningsAndAudit(answer);
    return ExitCode.OK;
  }
}
