package io.kubeward.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubeward.cli.ExitCode;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kubeward scale KIND/NAME --replicas N -n NS}. */
@Command(
    name = "scale",
    description = "Set the replicas of a Deployment, StatefulSet or ReplicaSet.")
public final class ScaleCommand extends WorkloadOpCommand {

  @Parameters(paramLabel = "KIND/NAME")
  String workload;

  @Option(names = "--replicas", required = true, description = "0..10000")
  int replicas;

  @Override
  public Integer call() {
    Target target = target(workload);
    JsonNode answer = client().post(path(target, "/scale"), Map.of("replicas", replicas));
    out().println(messages().get("workload.scaled", workload, replicas));
    printWarningsAndAudit(answer);
    return ExitCode.OK;
  }
}
