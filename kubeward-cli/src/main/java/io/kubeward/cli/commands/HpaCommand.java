package io.kubeward.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubeward.cli.ExitCode;
import io.kubeward.cli.Json;
import io.kubeward.cli.KubewardClient;
import io.kubeward.cli.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kubeward hpa list|get|create|edit|delete} (ADR 0047). */
@Command(
    name = "hpa",
    description =
        "HorizontalPodAutoscalers: list, get, create, edit (min/max/cpu), delete; validated and"
            + " dry-run by the server before anything is written.",
    subcommands = {
      HpaCommand.ListHpas.class,
      HpaCommand.Get.class,
      HpaCommand.Create.class,
      HpaCommand.Edit.class,
      HpaCommand.Delete.class
    })
public final class HpaCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help.")
  boolean help;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "Missing subcommand: list, get, create, edit or delete");
  }

  /** A command on the HPAs of one namespace. */
  abstract static class HpaApi extends ApiCommand {
    @Option(
        names = {"-n", "--namespace"},
        paramLabel = "NAMESPACE",
        description = "The HPA's namespace (default: default).")
    String namespace;

    String ns() {
      return namespace == null || namespace.isBlank() ? "default" : namespace;
    }

    String hpaPath(String name) {
      return clusterPath(
          "/hpas/" + KubewardClient.segment(ns()) + "/" + KubewardClient.segment(name));
    }

    void printWarnings(JsonNode answer) {
      for (JsonNode w : answer.path("warnings")) {
        out().println(messages().get("hpa.warning", Json.text(w, "message")));
      }
    }
  }

  /** {@code hpa list [-n NS]}. */
  @Command(name = "list", aliases = "ls", description = "List HPAs: target, min-max, replicas.")
  public static final class ListHpas extends ApiCommand {
    @Option(
        names = {"-n", "--namespace"},
        paramLabel = "NAMESPACE",
        description = "Only this namespace (default: all the caller may list).")
    String namespace;

    @Mixin OutputOption output;

    @Override
    public Integer call() {
      String path = clusterPath("/hpas");
      if (namespace != null && !namespace.isBlank()) {
        path += "?namespace=" + KubewardClient.query(namespace);
      }
      JsonNode answer = client().get(path);
      if (output.printedJson(out(), answer)) {
        return ExitCode.OK;
      }
      Table table = new Table("NAMESPACE", "NAME", "TARGET", "MIN-MAX", "REPLICAS", "ATTENTION");
      for (JsonNode h : answer) {
        table.row(
            Json.text(h, "namespace"),
            Json.text(h, "name"),
            Json.text(h, "target", "-"),
            Json.text(h, "minReplicas") + "-" + Json.text(h, "maxReplicas"),
            Json.text(h, "currentReplicas") + "/" + Json.text(h, "desiredReplicas"),
            h.hasNonNull("attention")
                ? Json.text(h, "attention") + ": " + Json.text(h, "attentionReason", "")
                : "-");
      }
      if (table.isEmpty()) {
        out().println(messages().get("hpa.none", cluster()));
      } else {
        table.print(out(), "");
      }
      return ExitCode.OK;
    }
  }

  /** {@code hpa get NAME}. */
  @Command(name = "get", description = "Show an HPA: metrics current/target, conditions, events.")
  public static final class Get extends HpaApi {
    @Parameters(paramLabel = "NAME")
    String name;

    @Mixin OutputOption output;

    @Override
    public Integer call() {
      JsonNode d = client().get(hpaPath(name));
      if (output.printedJson(out(), d)) {
        return ExitCode.OK;
      }
      JsonNode spec = d.path("spec");
      out()
          .println(
              messages()
                  .get(
                      "hpa.detail",
                      ns() + "/" + name,
                      Json.text(spec, "targetKind") + "/" + Json.text(spec, "targetName"),
                      Json.text(spec, "minReplicas"),
                      Json.text(spec, "maxReplicas"),
                      Json.text(d, "currentReplicas"),
                      Json.text(d, "desiredReplicas")));
      Table metrics = new Table("METRIC", "CURRENT", "TARGET");
      for (JsonNode m : d.path("metrics")) {
        metrics.row(
            Json.text(m, "type") + "/" + Json.text(m, "name"),
            Json.text(m, "current", "<unknown>"),
            Json.text(m, "target"));
      }
      if (!metrics.isEmpty()) {
        metrics.print(out(), "");
      }
      Table conditions = new Table("CONDITION", "STATUS", "REASON", "MESSAGE");
      for (JsonNode c : d.path("conditions")) {
        conditions.row(
            Json.text(c, "type"),
            Json.text(c, "status"),
            Json.text(c, "reason", "-"),
            Json.text(c, "message", ""));
      }
      if (!conditions.isEmpty()) {
        conditions.print(out(), "");
      }
      Table events = new Table("TYPE", "REASON", "COUNT", "MESSAGE");
      for (JsonNode e : d.path("events")) {
        events.row(
            Json.text(e, "type"),
            Json.text(e, "reason"),
            Json.text(e, "count"),
            Json.text(e, "message", ""));
      }
      if (!events.isEmpty()) {
        events.print(out(), "");
      }
      printWarnings(d);
      return ExitCode.OK;
    }
  }

  /** The flags shared by create and edit. */
  abstract static class Write extends HpaApi {
    @Parameters(paramLabel = "NAME")
    String name;

    @Option(names = "--min", paramLabel = "N", description = "minReplicas (1 or more).")
    Integer min;

    @Option(names = "--max", paramLabel = "N", description = "maxReplicas.")
    Integer max;

    @Option(
        names = "--cpu-percent",
        paramLabel = "PERCENT",
        description = "Target average CPU utilisation, 1-1000 % of the request.")
    Integer cpuPercent;

    @Option(names = "--dry-run", description = "Only validate and show the change.")
    boolean dryRun;

    static ArrayNode cpu(int percent) {
      ArrayNode metrics = Json.MAPPER.createArrayNode();
      ObjectNode m = metrics.addObject();
      m.put("type", "Resource");
      m.put("name", "cpu");
      m.put("targetType", "Utilization");
      m.put("averageUtilization", percent);
      return metrics;
    }

    Integer report(JsonNode answer, String key) {
      printWarnings(answer);
      if (answer.hasNonNull("diff")) {
        out().print(Json.text(answer, "diff"));
      }
      out().println(messages().get(dryRun ? "hpa.dry-run" : key, ns() + "/" + name));
      return ExitCode.OK;
    }
  }

  /** {@code hpa create NAME --target deployment/web --max N [--min N] [--cpu-percent P]}. */
  @Command(
      name = "create",
      description = "Create an HPA for a Deployment, StatefulSet or ReplicaSet.")
  public static final class Create extends Write {
    @Option(
        names = "--target",
        required = true,
        paramLabel = "KIND/NAME",
        description = "deployment/NAME, statefulset/NAME or replicaset/NAME.")
    String target;

    @Override
    public Integer call() {
      int slash = target.indexOf('/');
      if (slash <= 0 || slash == target.length() - 1) {
        throw usage("hpa.bad-target", target);
      }
      String kind =
          switch (target.substring(0, slash).toLowerCase(java.util.Locale.ROOT)) {
            case "deployment", "deployments", "deploy" -> "Deployment";
            case "statefulset", "statefulsets", "sts" -> "StatefulSet";
            case "replicaset", "replicasets", "rs" -> "ReplicaSet";
            default -> throw usage("hpa.bad-target", target);
          };
      ObjectNode body = Json.MAPPER.createObjectNode();
      body.put("namespace", ns());
      body.put("name", name);
      body.put("targetKind", kind);
      body.put("targetName", target.substring(slash + 1));
      if (min != null) {
        body.put("minReplicas", min);
      }
      if (max != null) {
        body.put("maxReplicas", max);
      }
      body.set("metrics", cpu(cpuPercent == null ? 80 : cpuPercent));
      JsonNode answer = client().post(clusterPath("/hpas") + "?dryRun=" + dryRun, body);
      return report(answer, "hpa.created");
    }
  }

  /** {@code hpa edit NAME [--min N] [--max N] [--cpu-percent P]}: the rest is kept. */
  @Command(name = "edit", description = "Change min, max or the CPU target of an HPA.")
  public static final class Edit extends Write {
    @Override
    public Integer call() {
      JsonNode detail = client().get(hpaPath(name));
      ObjectNode body = ((ObjectNode) detail.path("spec")).deepCopy();
      if (min != null) {
        body.put("minReplicas", min);
      }
      if (max != null) {
        body.put("maxReplicas", max);
      }
      if (cpuPercent != null) {
        body.set("metrics", cpu(cpuPercent));
      }
      JsonNode answer = client().put(hpaPath(name) + "?dryRun=" + dryRun, body);
      return report(answer, "hpa.edited");
    }
  }

  /** {@code hpa delete NAME}. */
  @Command(name = "delete", description = "Delete an HPA (the workload keeps its replica count).")
  public static final class Delete extends HpaApi {
    @Parameters(paramLabel = "NAME")
    String name;

    @Override
    public Integer call() {
      client().send("DELETE", hpaPath(name), null);
      out().println(messages().get("hpa.deleted", ns() + "/" + name));
      return ExitCode.OK;
    }
  }
}
