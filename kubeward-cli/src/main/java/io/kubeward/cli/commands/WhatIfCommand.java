package io.kubeward.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubeward.cli.ExitCode;
import io.kubeward.cli.Json;
import io.kubeward.cli.KubewardClient;
import io.kubeward.cli.Table;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kubeward what-if replicas|drain|requests}: where each hypothetical pod would land, or per
 * node why not, by the scheduler model of the server (issue 17, ADR 0049). Exit 0 when every pod
 * fits, {@link ExitCode.NOT_SUCCEEDED} when some would stay Pending.
 */
@Command(
    name = "what-if",
    description = "Would more replicas, a drain or other requests fit? Where would each pod land?",
    subcommands = {
      WhatIfCommand.Replicas.class,
      WhatIfCommand.Drain.class,
      WhatIfCommand.Requests.class,
      CommandLine.HelpCommand.class
    })
public final class WhatIfCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  abstract static class Ask extends ApiCommand {
    @Mixin OutputOption output;

    abstract String query();

    @Override
    public Integer call() {
      JsonNode answer = client().get(clusterPath("/capacity/what-if?" + query()));
      if (output.printedJson(out(), answer)) {
        return answer.path("allFit").asBoolean() ? ExitCode.OK : ExitCode.NOT_SUCCEEDED;
      }
      out().println(Json.text(answer, "summary"));
      if (answer.path("drained").size() > 0) {
        out().println(messages().get("whatif.drained", join(answer.path("drained"))));
      }
      if (answer.path("notRecreated").size() > 0) {
        out().println(messages().get("whatif.not-recreated", join(answer.path("notRecreated"))));
      }
      Table table = new Table("POD", "NODE", "WHY");
      for (JsonNode p : answer.path("placements")) {
        boolean fits = p.path("node").isTextual();
        table.row(
            Json.text(p, "pod"),
            fits ? p.path("node").asText() : messages().get("whatif.pending"),
            fits
                ? (p.path("tiedWith").size() > 0
                    ? messages().get("whatif.tied", join(p.path("tiedWith")))
                    : "")
                : Json.text(p, "explanation"));
      }
      table.print(out(), "");
      return answer.path("allFit").asBoolean() ? ExitCode.OK : ExitCode.NOT_SUCCEEDED;
    }

    private static String join(JsonNode array) {
      StringBuilder b = new StringBuilder();
      array.forEach(n -> b.append(b.isEmpty() ? "" : ", ").append(n.asText()));
      return b.toString();
    }
  }

  abstract static class WorkloadAsk extends Ask {
    @Parameters(index = "0", paramLabel = "KIND/NAME", description = "e.g. deployment/web")
    String workload;

    @Option(
        names = {"-n", "--namespace"},
        paramLabel = "NAMESPACE",
        description = "The namespace (default: default).")
    String namespace = "default";

    String workloadQuery() {
      int slash = workload.indexOf('/');
      if (slash <= 0 || slash == workload.length() - 1) {
        throw usage("whatif.workload", workload);
      }
      return "kind="
          + KubewardClient.query(workload.substring(0, slash))
          + "&name="
          + KubewardClient.query(workload.substring(slash + 1))
          + "&namespace="
          + KubewardClient.query(namespace);
    }
  }

  /** {@code kubeward what-if replicas deployment/web --add 3}. */
  @Command(name = "replicas", description = "Do N more replicas of a workload fit?")
  public static final class Replicas extends WorkloadAsk {
    @Option(names = "--add", paramLabel = "N", required = true, description = "Replicas to add.")
    int add;

    @Override
    String query() {
      return "question=replicas&" + workloadQuery() + "&replicas=" + add;
    }
  }

  /** {@code kubeward what-if requests deployment/web --cpu 500m --memory 1Gi}. */
  @Command(name = "requests", description = "Would the workload's pods fit with other requests?")
  public static final class Requests extends WorkloadAsk {
    @Option(names = "--cpu", paramLabel = "QUANTITY", description = "CPU request per pod.")
    String cpu;

    @Option(names = "--memory", paramLabel = "QUANTITY", description = "Memory request per pod.")
    String memory;

    @Override
    String query() {
      return "question=requests&"
          + workloadQuery()
          + (cpu == null ? "" : "&cpu=" + KubewardClient.query(cpu))
          + (memory == null ? "" : "&memory=" + KubewardClient.query(memory));
    }
  }

  /** {@code kubeward what-if drain --node kw-1 | --zone z1 | --pool gpu}. */
  @Command(name = "drain", description = "Where would the pods of a drained node, zone or pool go?")
  public static final class Drain extends Ask {
    @Option(names = "--node", paramLabel = "NODE", description = "Drain this node.")
    String node;

    @Option(names = "--zone", paramLabel = "ZONE", description = "Drain every node of this zone.")
    String zone;

    @Option(names = "--pool", paramLabel = "POOL", description = "Drain every node of this pool.")
    String pool;

    @Override
    String query() {
      StringBuilder q = new StringBuilder("question=drain");
      if (node != null) {
        q.append("&node=").append(KubewardClient.query(node));
      }
      if (zone != null) {
        q.append("&zone=").append(KubewardClient.query(zone));
      }
      if (pool != null) {
        q.append("&pool=").append(KubewardClient.query(pool));
      }
      return q.toString();
    }
  }
}
