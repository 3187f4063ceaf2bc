package io.kubeward.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubeward.cli.ExitCode;
import io.kubeward.cli.Json;
import io.kubeward.cli.KubewardClient;
import io.kubeward.cli.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kubeward audit}: the newest audit records (administrators). */
@Command(name = "audit", description = "The newest audit records (administrators only).")
public final class AuditCommand extends ApiCommand {

  @Option(names = "--limit", paramLabel = "N", description = "How many (default ${DEFAULT-VALUE}).")
  int limit = 20;

  @Option(names = "--user", paramLabel = "NAME", description = "Only this user's.")
  String user;

  @Option(names = "--verb", paramLabel = "VERB", description = "Only this verb, e.g. node.cordon.")
  String verb;

  @Mixin OutputOption output;

  @Override
  public Integer call() {
    StringBuilder query = new StringBuilder("/api/v1/audit?limit=").append(limit);
    if (user != null) {
      query.append("&user=").append(KubewardClient.query(user));
    }
    if (verb != null) {
      query.append("&verb=").append(KubewardClient.query(verb));
    }
    JsonNode answer = client().get(query.toString());
    if (output.printedJson(out(), answer)) {
      return ExitCode.OK;
    }
    Table table = new Table("TIME", "USER", "ORIGIN", "VERB", "CLUSTER", "KIND", "NAME", "RESULT");
    for (JsonNode record : answer.path("items")) {
      String namespace = Json.text(record, "namespace");
      String name = Json.text(record, "name");
      table.row(
          Json.text(record, "time"),
          Json.text(record, "user"),
          Json.text(record, "origin"),
          Json.text(record, "verb"),
          Json.text(record, "cluster"),
          Json.text(record, "kind"),
          namespace == null ? name : namespace + "/" + name,
          Json.text(record, "result"));
    }
    table.print(out(), "");
    return ExitCode.OK;
  }
}
