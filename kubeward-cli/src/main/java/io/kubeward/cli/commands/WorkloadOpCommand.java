package io.kubeward.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubeward.cli.KubewardClient;
import picocli.CommandLine.Option;

/**
 * Shared by the workload operations: {@code -n NAMESPACE}, {@code KIND/NAME} as kubectl takes it
 * ({@code deployment/web}, {@code deploy/web}, {@code sts/db}), and the answer's printing.
 */
abstract class WorkloadOpCommand extends ApiCommand {

  @Option(
      names = {"-n", "--namespace"},
      description = "The namespace (default: default).")
  String namespace;

  /** The plural and name of {@code KIND/NAME}. */
  record Target(String plural, String name) {}

  Target target(String text) {
    String[] parts = WorkloadCommand.split(text, messages());
    return new Target(parts[0], parts[1]);
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
