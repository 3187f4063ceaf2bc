package io.kubeward.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubeward.cli.ExitCode;
import io.kubeward.cli.Json;
import io.kubeward.cli.KubewardClient;
import io.kubeward.cli.LabelEdit;
import io.kubeward.cli.TaintEdit;
import io.kubeward.cli.TaintEdit.Taint;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kubeward node get|cordon|uncordon|label|taint NAME}. */
@Command(
    name = "node",
    description = "Show one node, cordon or uncordon it, edit its labels and taints.",
    subcommands = {
      NodeCommand.Get.class,
      NodeCommand.Cordon.class,
      NodeCommand.Uncordon.class,
      NodeCommand.LabelNode.class,
      NodeCommand.TaintNode.class
    })
public final class NodeCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help.")
  boolean help;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "Missing subcommand: get, cordon, uncordon, label or taint");
  }

  /** The path of one node's resource. */
  static String nodePath(String node) {
    return "/nodes/" + KubewardClient.segment(node);
  }

  /** {@code node get NAME}. */
  @Command(name = "get", description = "Show a node: conditions, resources, taints, labels, pods.")
  public static final class Get extends ApiCommand {
    @Parameters(paramLabel = "NODE")
    String node;

    @Mixin OutputOption output;

    @Override
    public Integer call() {
      JsonNode detail = client().get(clusterPath(nodePath(node)));
      if (!output.printedJson(out(), detail)) {
        new NodeDetailPrinter(out(), messages(), context().clock()).print(detail);
      }
      return ExitCode.OK;
    }
  }

  /** {@code node cordon NAME}. */
  @Command(name = "cordon", description = "Mark the node unschedulable (pods on it stay).")
  public static final class Cordon extends ApiCommand {
    @Parameters(paramLabel = "NODE")
    String node;

    @Override
    public Integer call() {
      client().post(clusterPath(nodePath(node) + "/cordon"), null);
      out().println(messages().get("node.cordoned", node));
      return ExitCode.OK;
    }
  }

  /** {@code node uncordon NAME}. */
  @Command(name = "uncordon", description = "Mark the node schedulable again.")
  public static final class Uncordon extends ApiCommand {
    @Parameters(paramLabel = "NODE")
    String node;

    @Override
    public Integer call() {
      client().post(clusterPath(nodePath(node) + "/uncordon"), null);
      out().println(messages().get("node.uncordoned", node));
      return ExitCode.OK;
    }
  }

  /** Shared by label and taint: read, compute desired, preview the diff, confirm, apply. */
  abstract static class MetadataEdit extends ApiCommand {
    @Option(
        names = {"-y", "--yes"},
        description = "Apply without asking.")
    boolean yes;

    @Option(names = "--dry-run", description = "Only show the diff; change nothing.")
    boolean dryRun;

    abstract String node();

    /** Answers the desired {labels, taints} body from the current detail. */
    abstract ObjectNode desired(JsonNode current);

    @Override
    public Integer call() throws IOException {
      String path = clusterPath(nodePath(node()));
      JsonNode current = client().get(path);
      ObjectNode body = desired(current);
      JsonNode preview = client().post(path + "/metadata/preview", body);
      if (!preview.path("changed").asBoolean(true)) {
        out().println(messages().get("metadata.unchanged", node()));
        return ExitCode.OK;
      }
      out().println(Json.text(preview, "diff", "").stripTrailing());
      out().flush();
      if (dryRun) {
        out().println(messages().get("metadata.dry-run"));
        return ExitCode.OK;
      }
      if (!yes && !confirmed()) {
        context().err().println(messages().get("metadata.not-applied"));
        return ExitCode.USAGE;
      }
      client().put(path + "/metadata", body);
      out().println(messages().get("metadata.applied", node()));
      return ExitCode.OK;
    }

    private boolean confirmed() throws IOException {
      PrintWriter err = context().err();
      err.print(messages().get("metadata.confirm"));
      err.flush();
      String answer = context().in().readLine();
      return answer != null && answer.trim().toLowerCase().matches("y|yes|是|好");
    }

    static Map<String, String> labels(JsonNode detail) {
      Map<String, String> labels = new LinkedHashMap<>();
      detail
          .path("labels")
          .fields()
          .forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
      return labels;
    }

    static List<Taint> taints(JsonNode detail) {
      List<Taint> taints = new ArrayList<>();
      for (JsonNode taint : detail.path("taints")) {
        taints.add(
            new Taint(
                Json.text(taint, "key"), Json.text(taint, "value"), Json.text(taint, "effect")));
      }
      return taints;
    }

    static ObjectNode body(Map<String, String> labels, List<Taint> taints) {
      ObjectNode body = Json.MAPPER.createObjectNode();
      ObjectNode labelNode = body.putObject("labels");
      labels.forEach(labelNode::put);
      ArrayNode taintNode = body.putArray("taints");
      for (Taint taint : taints) {
        ObjectNode t = taintNode.addObject();
        t.put("key", taint.key());
        if (taint.value() == null) {
          t.putNull("value");
        } else {
          t.put("value", taint.value());
        }
        t.put("effect", taint.effect());
      }
      return body;
    }
  }

  /** {@code node label NAME k=v k-}. */
  @Command(
      name = "label",
      description = "Set (key=value) or remove (key-) labels, after a diff preview.")
  public static final class LabelNode extends MetadataEdit {
    @Parameters(index = "0", paramLabel = "NODE")
    String node;

    @Parameters(
        index = "1..*",
        arity = "1..*",
        paramLabel = "CHANGE",
        description = "key=value or key-")
    List<String> changes;

    @Override
    String node() {
      return node;
    }

    @Override
    ObjectNode desired(JsonNode current) {
      List<LabelEdit> edits;
      try {
        edits = LabelEdit.parse(changes);
      } catch (IllegalArgumentException e) {
        throw usage("label.invalid-expression", e.getMessage());
      }
      return body(LabelEdit.apply(labels(current), edits), taints(current));
    }
  }

  /** {@code node taint NAME key=value:Effect key:Effect-}. */
  @Command(
      name = "taint",
      description =
          "Add (key=value:Effect, key:Effect) or remove (key:Effect-, key-) taints, after a diff preview.")
  public static final class TaintNode extends MetadataEdit {
    @Parameters(index = "0", paramLabel = "NODE")
    String node;

    @Parameters(
        index = "1..*",
        arity = "1..*",
        paramLabel = "CHANGE",
        description = "key=value:Effect, key:Effect, key:Effect- or key-")
    List<String> changes;

    @Override
    String node() {
      return node;
    }

    @Override
    ObjectNode desired(JsonNode current) {
      List<TaintEdit> edits;
      try {
        edits = TaintEdit.parse(changes);
      } catch (IllegalArgumentException e) {
        throw usage("taint.invalid-expression", e.getMessage());
      }
      return body(labels(current), TaintEdit.apply(taints(current), edits));
    }
  }
}
