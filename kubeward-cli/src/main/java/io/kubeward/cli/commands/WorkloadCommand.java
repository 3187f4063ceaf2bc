package io.kubeward.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubeward.cli.CliException;
import io.kubeward.cli.ExitCode;
import io.kubeward.cli.Json;
import io.kubeward.cli.KubewardClient;
import io.kubeward.cli.Messages;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kubeward workload KIND/NAME [-n NS] [-o json]}: a workload's page (counts, images, owners,
 * related Services/Ingresses/autoscalers/budgets, pods, rollout).
 */
@Command(
    name = "workload",
    description =
        "Show a workload (deployment/NAME, statefulset/NAME, daemonset/NAME, replicaset/NAME,"
            + " job/NAME, cronjob/NAME): counts, images, related objects, pods, rollout.")
public final class WorkloadCommand extends ApiCommand {

  /** Kind names and kubectl's short names → the REST path's plural. */
  static final Map<String, String> KINDS =
      Map.ofEntries(
          Map.entry("deployment", "deployments"),
          Map.entry("deployments", "deployments"),
          Map.entry("deploy", "deployments"),
          Map.entry("statefulset", "statefulsets"),
          Map.entry("statefulsets", "statefulsets"),
          Map.entry("sts", "statefulsets"),
          Map.entry("daemonset", "daemonsets"),
          Map.entry("daemonsets", "daemonsets"),
          Map.entry("ds", "daemonsets"),
          Map.entry("replicaset", "replicasets"),
          Map.entry("replicasets", "replicasets"),
          Map.entry("rs", "replicasets"),
          Map.entry("job", "jobs"),
          Map.entry("jobs", "jobs"),
          Map.entry("cronjob", "cronjobs"),
          Map.entry("cronjobs", "cronjobs"),
          Map.entry("cj", "cronjobs"));

  @Parameters(paramLabel = "KIND/NAME", description = "e.g. deployment/web or sts/db")
  String target;

  @Option(
      names = {"-n", "--namespace"},
      description = "The namespace (default: default).")
  String namespace;

  @Mixin OutputOption output;

  @Override
  public Integer call() {
    String[] parts = split(target, messages());
    JsonNode detail = client().get(clusterPath(workloadPath(namespace, parts[0], parts[1])));
    if (!output.printedJson(out(), detail)) {
      print(out(), messages(), detail);
    }
    return ExitCode.OK;
  }

  /** {@code KIND/NAME} → plural and name, or a usage error. */
  static String[] split(String target, Messages messages) {
    int slash = target == null ? -1 : target.indexOf('/');
    if (slash <= 0 || slash == target.length() - 1) {
      throw new CliException(ExitCode.USAGE, messages.get("workload.bad-target", target));
    }
    String plural = KINDS.get(target.substring(0, slash).toLowerCase(Locale.ROOT));
    if (plural == null) {
      throw new CliException(
          ExitCode.USAGE, messages.get("workload.bad-kind", target.substring(0, slash)));
    }
    return new String[] {plural, target.substring(slash + 1)};
  }

  static String workloadPath(String namespace, String plural, String name) {
    String ns = namespace == null || namespace.isBlank() ? "default" : namespace;
    return "/namespaces/"
        + KubewardClient.segment(ns)
        + "/workloads/"
        + plural
        + "/"
        + KubewardClient.segment(name);
  }

  static void print(PrintWriter out, Messages m, JsonNode d) {
    out.println(
        m.get(
                "workload.title",
                Json.text(d, "kind", ""),
                Json.text(d, "namespace", ""),
                Json.text(d, "name", ""))
            + "  "
            + Json.text(d, "status", ""));
    if (d.hasNonNull("desired")) {
      out.println(
          m.get(
              "workload.counts",
              d.path("desired").asInt(),
              d.path("ready").asInt(),
              d.hasNonNull("updated") ? d.path("updated").asText() : "-",
              d.path("available").asInt()));
    }
    if (d.hasNonNull("job")) {
      JsonNode job = d.get("job");
      out.println(
          m.get(
              "workload.job",
              job.path("completions").asInt(),
              job.path("succeeded").asInt(),
              job.path("failed").asInt(),
              job.path("active").asInt()));
    }
    if (d.hasNonNull("cronJob")) {
      JsonNode cron = d.get("cronJob");
      out.println(
          m.get(
              "workload.cronjob",
              Json.text(cron, "schedule", "-"),
              cron.path("suspended").asBoolean(),
              Json.text(cron, "lastSchedule", "-"),
              cron.path("active").asInt()));
    }
    for (JsonNode image : d.path("images")) {
      out.println(
          m.get(
              "workload.image", Json.text(image, "container", ""), Json.text(image, "image", "")));
    }
    for (JsonNode owner : d.path("owners")) {
      out.println(
          m.get("workload.owner", Json.text(owner, "kind", ""), Json.text(owner, "name", "")));
    }
    for (String list :
        new String[] {"owned", "services", "ingresses", "autoscalers", "disruptionBudgets"}) {
      for (JsonNode item : d.path(list)) {
        String summary = Json.text(item, "summary");
        String revision = Json.text(item, "revision");
        out.println(
            "  "
                + Json.text(item, "kind", "")
                + "/"
                + Json.text(item, "name", "")
                + "  "
                + Json.text(item, "status", "")
                + (revision == null ? "" : "  rev " + revision)
                + (summary == null ? "" : "  " + summary));
      }
    }
    out.println(m.get("workload.pods", d.path("podCount").asInt()));
    for (JsonNode pod : d.path("pods")) {
      out.println(
          "  "
              + Json.text(pod, "name", "")
              + "  "
              + Json.text(pod, "ready", "")
              + "  "
              + Json.text(pod, "status", "")
              + "  "
              + pod.path("restarts").asInt()
              + "  "
              + Json.text(pod, "node", "-"));
    }
    if (d.hasNonNull("rollout")) {
      out.println(RolloutText.line(m, d.get("rollout")));
      RolloutText.printNotReady(out, m, d.get("rollout"));
    }
  }
}
