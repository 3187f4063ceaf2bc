package io.kubeward.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubeward.cli.KubewardClient;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * Shared by the workload operations: {@code -n NAMESPACE}, {@code KIND/NAME} as kubectl takes it
 * ({@code deployment/web}, {@code deploy/web}, {@code sts/db}), and the answer's printing.
 */
abstract class WorkloadCommand extends ApiCommand {

  /** kubectl's short names and singular forms → the REST plural. */
  private static final List<String[]> KINDS =
      List.of(
          new String[] {"deployments", "deployment", "deploy"},
          new String[] {"statefulsets", "statefulset", "sts"},
          new String[] {"daemonsets", "daemonset", "ds"},
          new String[] {"replicasets", "replicaset", "rs"},
          new String[] {"jobs", "job"},
          new String[] {"cronjobs", "cronjob", "cj"});

  @Option(
      names = {"-n", "--namespace"},
      description = "The namespace (default: default).")
  String namespace;

  /** The plural and name of {@code KIND/NAME}. */
  record Target(String plural, String name) {}

  Target target(String text) {
    int slash = text == null ? -1 : text.indexOf('/');
    if (slash <= 0 || slash == text.length() - 1) {
      throw usage("workload.usage.target", String.valueOf(text));
    }
    String kind = text.substring(0, slash).toLowerCase(Locale.ROOT);
    for (String[] names : KINDS) {
      for (String name : names) {
        if (name.equals(kind)) {
          return new Target(names[0], text.substring(slash + 1));
        }
      }
    }
    throw usage("workload.usage.kind", kind);
  }

  String namespace() {
    return namespace == null || namespace.isBlank() ? "default" : namespace;
  }

  /** {@code /api/v1/clusters/{c}/namespaces/{ns}/workloads/{plural}/{name}{rest}}. */
  String path(Target target, String rest) {
    return clusterPath(
        "/namespaces/"
            + KubewardClient.segment(namespace())
            + "/workloads/"
            + target.plural()
            + "/"
            + KubewardClient.segment(target.name())
            + rest);
  }

  /** The answer's warnings, one line each, then the audit record's number. */
  void printWarningsAndAudit(JsonNode answer) {
    for (JsonNode warning : answer.path("warnings")) {
      if ("hpa-managed".equals(warning.path("code").asText())) {
        out()
            .println(
                messages()
                    .get(
                        "workload.warning.hpa",
                        warning.path("params").path("hpa").asText(),
                        warning.path("params").path("min").asText(),
                        warning.path("params").path("max").asText()));
      } else {
        out().println(warning.path("message").asText());
      }
    }
    long audit = answer.path("auditId").asLong(-1);
    if (audit > 0) {
      out().println(messages().get("workload.audit", audit));
    }
  }
}
