package io.kubeward.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubeward.cli.ExitCode;
import io.kubeward.cli.Json;
import io.kubeward.cli.KubewardClient;
import io.kubeward.cli.Table;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kubeward rbac rules|who-can|risky|can-i}: the RBAC explorer (ADR 0046), computed from the
 * RBAC objects the caller may list.
 */
@Command(
    name = "rbac",
    description = "RBAC explorer: effective rules, who can, risky bindings, can-i.",
    subcommands = {
      RbacCommand.Rules.class,
      RbacCommand.WhoCan.class,
      RbacCommand.Risky.class,
      RbacCommand.CanI.class
    })
public final class RbacCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help.")
  boolean help;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "Missing subcommand: rules, who-can, risky or can-i");
  }

  /**
   * Exactly one subject: {@code --user} (with {@code --as-group}), {@code --group}, {@code --sa}.
   */
  static final class SubjectOptions {
    @Option(names = "--user", paramLabel = "NAME", description = "A user.")
    String user;

    @Option(names = "--group", paramLabel = "NAME", description = "A group.")
    String group;

    @Option(
        names = {"--serviceaccount", "--sa"},
        paramLabel = "NS/NAME",
        description = "A service account, namespace/name.")
    String serviceAccount;
  }

  static final class Subject {
    @ArgGroup(exclusive = true, multiplicity = "1")
    SubjectOptions who;

    @Option(
        names = "--as-group",
        paramLabel = "GROUP",
        description = "A group the user is known to have (repeat for several).")
    List<String> groups = new ArrayList<>();

    String query(ApiCommand command) {
      if (who.user != null) {
        StringBuilder q = new StringBuilder("kind=user&name=" + KubewardClient.query(who.user));
        groups.forEach(g -> q.append("&groups=").append(KubewardClient.query(g)));
        return q.toString();
      }
      if (who.group != null) {
        return "kind=group&name=" + KubewardClient.query(who.group);
      }
      String[] parts = who.serviceAccount.split("[/:]", 2);
      if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
        throw command.usage("rbac.bad-serviceaccount", who.serviceAccount);
      }
      return "kind=serviceaccount&subjectNamespace="
          + KubewardClient.query(parts[0])
          + "&name="
          + KubewardClient.query(parts[1]);
    }
  }

  /** {@code VERB RESOURCE[.GROUP][/SUBRESOURCE] [-n NS] [--name OBJ]}, as kubectl writes them. */
  static final class Request {
    @Parameters(index = "0", paramLabel = "VERB", description = "get, list, create, ...")
    String verb;

    @Parameters(
        index = "1",
        paramLabel = "RESOURCE",
        description = "pods, deployments.apps, pods/exec (resource[.group][/subresource]).")
    String resource;

    @Option(
        names = {"-n", "--namespace"},
        paramLabel = "NS",
        description = "The namespace (none: cluster-scoped or all namespaces).")
    String namespace;

    @Option(names = "--name", paramLabel = "OBJECT", description = "The object's name.")
    String name;

    String query() {
      String type = resource;
      String subresource = null;
      int slash = type.indexOf('/');
      if (slash > 0) {
        subresource = type.substring(slash + 1);
        type = type.substring(0, slash);
      }
      String group = "";
      int dot = type.indexOf('.');
      if (dot > 0) {
        group = type.substring(dot + 1);
        type = type.substring(0, dot);
      }
      StringBuilder q =
          new StringBuilder("verb=" + KubewardClient.query(verb))
              .append("&resource=")
              .append(KubewardClient.query(type))
              .append("&apiGroup=")
              .append(KubewardClient.query(group));
      if (subresource != null) {
        q.append("&subresource=").append(KubewardClient.query(subresource));
      }
      if (namespace != null) {
        q.append("&namespace=").append(KubewardClient.query(namespace));
      }
      if (name != null) {
        q.append("&resourceName=").append(KubewardClient.query(name));
      }
      return q.toString();
    }
  }

  static String rule(JsonNode rule) {
    List<String> groups = new ArrayList<>();
    rule.path("apiGroups").forEach(g -> groups.add(g.asText().isEmpty() ? "core" : g.asText()));
    String names =
        rule.path("resourceNames").isEmpty() ? "" : " " + texts(rule.path("resourceNames"));
    if (!rule.path("nonResourceUrls").isEmpty()) {
      return texts(rule.path("verbs")) + " " + texts(rule.path("nonResourceUrls"));
    }
    return texts(rule.path("verbs"))
        + " "
        + texts(rule.path("resources"))
        + names
        + " ("
        + String.join(",", groups)
        + ")";
  }

  static String texts(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return String.join(",", values);
  }

  static String binding(JsonNode binding) {
    String namespace = binding.path("namespace").asText("");
    return binding.path("kind").asText()
        + " "
        + (namespace.isEmpty() || binding.path("namespace").isNull() ? "" : namespace + "/")
        + binding.path("name").asText();
  }

  static String subject(JsonNode subject) {
    String namespace =
        subject.path("namespace").isNull() ? "" : subject.path("namespace").asText("");
    return subject.path("kind").asText()
        + " "
        + (namespace.isEmpty() ? "" : namespace + "/")
        + subject.path("name").asText();
  }

  @Command(name = "rules", description = "The effective rules of a user, group or service account.")
  public static final class Rules extends ApiCommand {
    @ArgGroup(exclusive = false, multiplicity = "1")
    Subject subject;

    @Mixin OutputOption output;

    @Override
    public Integer call() {
      JsonNode answer = client().get(clusterPath("/rbac/rules?" + subject.query(this)));
      if (output.printedJson(out(), answer)) {
        return ExitCode.OK;
      }
      out()
          .println(
              messages()
                  .get(
                      "rbac.evaluated-as",
                      Json.text(answer, "user", "-"),
                      texts(answer.path("groups"))));
      if (answer.path("master").asBoolean()) {
        out().println(messages().get("rbac.master"));
      }
      Table table =
          new Table(
              messages().get("rbac.column.where"),
              messages().get("rbac.column.rule"),
              messages().get("rbac.column.binding"),
              messages().get("rbac.column.role"));
      for (JsonNode g : answer.path("rules")) {
        table.row(
            g.path("namespace").isNull() || g.path("namespace").isMissingNode()
                ? messages().get("rbac.everywhere")
                : g.path("namespace").asText(),
            rule(g.path("rule")),
            binding(g.path("binding")),
            g.path("role").path("kind").asText() + " " + g.path("role").path("name").asText());
      }
      if (table.isEmpty()) {
        out().println(messages().get("rbac.no-rules"));
      } else {
        table.print(out(), "");
      }
      for (JsonNode missing : answer.path("missingRoles")) {
        out().println(messages().get("rbac.missing-role", binding(missing)));
      }
      return ExitCode.OK;
    }
  }

  @Command(name = "who-can", description = "Who may make a request, and through which bindings.")
  public static final class WhoCan extends ApiCommand {
    @Mixin Request request;

    @Mixin OutputOption output;

    @Override
    public Integer call() {
      JsonNode answer = client().get(clusterPath("/rbac/who-can?" + request.query()));
      if (output.printedJson(out(), answer)) {
        return ExitCode.OK;
      }
      Table table =
          new Table(messages().get("rbac.column.subject"), messages().get("rbac.column.bindings"));
      for (JsonNode allowed : answer.path("subjects")) {
        List<String> bindings = new ArrayList<>();
        allowed.path("bindings").forEach(b -> bindings.add(binding(b)));
        table.row(subject(allowed.path("subject")), String.join(", ", bindings));
      }
      if (table.isEmpty()) {
        out().println(messages().get("rbac.nobody"));
      } else {
        table.print(out(), "");
      }
      out().println(messages().get("rbac.masters-too"));
      return ExitCode.OK;
    }
  }

  @Command(name = "risky", description = "Bindings that grant risky rules, worst first.")
  public static final class Risky extends ApiCommand {
    @Option(names = "--include-system", description = "Also Kubernetes' own system: bindings.")
    boolean includeSystem;

    @Mixin OutputOption output;

    @Override
    public Integer call() {
      JsonNode answer = client().get(clusterPath("/rbac/risky?includeSystem=" + includeSystem));
      if (output.printedJson(out(), answer)) {
        return ExitCode.OK;
      }
      if (answer.isEmpty()) {
        out().println(messages().get("rbac.no-risky"));
        return ExitCode.OK;
      }
      for (JsonNode row : answer) {
        List<String> subjects = new ArrayList<>();
        row.path("subjects").forEach(s -> subjects.add(subject(s)));
        out()
            .println(
                messages()
                    .get(
                        "rbac.risky-binding",
                        row.path("severity").asText().toUpperCase(java.util.Locale.ROOT),
                        binding(row.path("binding")),
                        row.path("role").path("kind").asText()
                            + " "
                            + row.path("role").path("name").asText(),
                        String.join(", ", subjects)));
        for (JsonNode risk : row.path("risks")) {
          out()
              .println(
                  "  - "
                      + risk.path("risk").asText()
                      + ": "
                      + risk.path("explanation").asText()
                      + " ["
                      + rule(risk.path("rule"))
                      + "]");
        }
      }
      return ExitCode.OK;
    }
  }

  @Command(
      name = "can-i",
      description =
          "Whether a subject may make a request (exit 0: yes, 2: no), as kubectl auth can-i --as.")
  public static final class CanI extends ApiCommand {
    @ArgGroup(exclusive = false, multiplicity = "1")
    Subject subject;

    @Mixin Request request;

    @Mixin OutputOption output;

    @Override
    public Integer call() {
      JsonNode answer =
          client().get(clusterPath("/rbac/can-i?" + subject.query(this) + "&" + request.query()));
      boolean allowed = answer.path("allowed").asBoolean();
      if (!output.printedJson(out(), answer)) {
        out().println(messages().get(allowed ? "rbac.yes" : "rbac.no"));
        if (answer.path("master").asBoolean()) {
          out().println(messages().get("rbac.master"));
        }
        for (JsonNode g : answer.path("grantedBy")) {
          out()
              .println(
                  messages()
                      .get("rbac.granted-by", binding(g.path("binding")), rule(g.path("rule"))));
        }
      }
      return allowed ? ExitCode.OK : ExitCode.REFUSED;
    }
  }
}
