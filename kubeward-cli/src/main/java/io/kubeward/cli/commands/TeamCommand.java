package io.kubeward.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubeward.cli.ExitCode;
import io.kubeward.cli.Table;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kubeward team create|list}: team spaces, namespaces made from a template (ADR 0045). */
@Command(
    name = "team",
    description = "Team spaces: namespaces with quota, limits, network policy, pod security, RBAC.",
    subcommands = {TeamCommand.Create.class, TeamCommand.ListSpaces.class})
public final class TeamCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help.")
  boolean help;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "Missing subcommand: create or list");
  }

  /** {@code team create NAME --user U --group G [--template T] [--quota k=v] [--dry-run]}. */
  @Command(
      name = "create",
      description =
          "Create a team space with your rights; all or nothing (a refusal leaves nothing).")
  public static final class Create extends ApiCommand {
    @Parameters(index = "0", paramLabel = "NAME", description = "The namespace to create.")
    String name;

    @Option(names = "--template", paramLabel = "NAME", description = "Template (default standard).")
    String template;

    @Option(names = "--user", paramLabel = "USER", description = "A team user (repeatable).")
    List<String> users;

    @Option(names = "--group", paramLabel = "GROUP", description = "A team group (repeatable).")
    List<String> groups;

    @Option(
        names = "--quota",
        paramLabel = "RESOURCE=QUANTITY",
        description = "Override a quota value, e.g. requests.cpu=4 (repeatable).")
    Map<String, String> quota;

    @Option(
        names = "--pod-security",
        paramLabel = "LEVEL",
        description = "restricted|baseline|privileged")
    String podSecurity;

    @Option(names = "--role", paramLabel = "ROLE", description = "admin|edit|view")
    String role;

    @Option(names = "--dry-run", description = "Only check and list the objects.")
    boolean dryRun;

    @Mixin OutputOption output;

    @Override
    public Integer call() {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("name", name);
      put(body, "template", template);
      put(body, "users", users);
      put(body, "groups", groups);
      put(body, "quota", quota);
      put(body, "podSecurity", podSecurity);
      put(body, "teamRole", role);
      body.put("dryRun", dryRun);
      JsonNode result = client().post(clusterPath("/tenancy/spaces"), body);
      if (!output.printedJson(out(), result)) {
        out()
            .println(
                messages()
                    .get(
                        dryRun ? "team.previewed" : "team.created",
                        result.path("namespace").asText(),
                        result.path("auditId").asLong()));
        for (JsonNode object : result.path("objects")) {
          out().println("  " + object.asText());
        }
      }
      return ExitCode.OK;
    }

    private static void put(Map<String, Object> body, String key, Object value) {
      if (value != null) {
        body.put(key, value);
      }
    }
  }

  /** {@code team list}. */
  @Command(name = "list", description = "List the team spaces you may see.")
  public static final class ListSpaces extends ApiCommand {
    @Mixin OutputOption output;

    @Override
    public Integer call() {
      JsonNode spaces = client().get(clusterPath("/tenancy/spaces"));
      if (!output.printedJson(out(), spaces)) {
        Table table = new Table("NAMESPACE", "TEMPLATE", "POD-SECURITY", "PHASE");
        for (JsonNode space : spaces) {
          table.row(
              space.path("namespace").asText(),
              space.path("template").asText(),
              space.path("podSecurity").asText(),
              space.path("phase").asText());
        }
        if (table.isEmpty()) {
          out().println(messages().get("team.none"));
        } else {
          table.print(out(), "");
        }
      }
      return ExitCode.OK;
    }
  }
}
