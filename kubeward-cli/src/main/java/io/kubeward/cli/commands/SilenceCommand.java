package io.kubeward.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubeward.cli.Durations;
import io.kubeward.cli.ExitCode;
import io.kubeward.cli.Json;
import io.kubeward.cli.KubewardClient;
import io.kubeward.cli.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kubeward silence create|list|expire}: silences of alerts (ADR 0032). */
@Command(
    name = "silence",
    description = "Silence alerts: create, list and expire silences.",
    subcommands = {
      SilenceCommand.Create.class,
      SilenceCommand.ListSilences.class,
      SilenceCommand.Expire.class
    })
public final class SilenceCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help.")
  boolean help;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "Missing subcommand: create, list or expire");
  }

  static final String SILENCES = "/api/v1/silences";

  /**
   * {@code silence create MATCHER... --duration 2h --comment TEXT}: adds {@code cluster="<the
   * cluster>"} unless a matcher names a cluster or {@code --all-clusters} is given.
   */
  @Command(
      name = "create",
      description =
          "Create a silence: alerts matching all MATCHERs (name=\"value\", !=, =~, !~) are not"
              + " notified until it ends.")
  public static final class Create extends ApiCommand {
    @Parameters(
        paramLabel = "MATCHER",
        arity = "1..*",
        description = "e.g. alertname=\"pod-crash-looping\"")
    List<String> matchers;

    @Option(
        names = {"-d", "--duration"},
        paramLabel = "DURATION",
        defaultValue = "2h",
        description = "How long from now (e.g. 30m, 2h, 48h; default 2h).")
    String duration;

    @Option(
        names = {"-c", "--comment"},
        required = true,
        paramLabel = "TEXT",
        description = "Why (required).")
    String comment;

    @Option(
        names = "--all-clusters",
        description = "Do not add the cluster's matcher (administrators only).")
    boolean allClusters;

    @Mixin OutputOption output;

    @Override
    public Integer call() {
      Duration length;
      try {
        length = Durations.parse(duration);
      } catch (IllegalArgumentException e) {
        throw usage("silence.bad-duration", duration);
      }
      if (length.isZero() || length.isNegative()) {
        throw usage("silence.bad-duration", duration);
      }
      List<String> all = new ArrayList<>();
      boolean named =
          matchers.stream().anyMatch(m -> m.strip().matches("cluster\\s*(=|!=|=~|!~).*"));
      if (!named && !allClusters) {
        all.add("cluster=\"" + cluster().replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
      }
      all.addAll(matchers);
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("matchers", all);
      body.put("endsAt", context().clock().instant().plus(length).toString());
      body.put("comment", comment);
      JsonNode view = client().post(SILENCES, body);
      if (!output.printedJson(out(), view)) {
        out()
            .println(
                messages()
                    .get(
                        "silence.created",
                        Json.text(view, "id"),
                        Json.text(view, "endsAt"),
                        String.join(", ", texts(view.path("matchers")))));
      }
      return ExitCode.OK;
    }
  }

  /** {@code silence list [--state active|pending|expired|all]}. */
  @Command(name = "list", aliases = "ls", description = "List the silences you may see.")
  public static final class ListSilences extends ApiCommand {
    @Option(
        names = "--state",
        defaultValue = "active",
        paramLabel = "STATE",
        description = "active (default), pending, expired or all.")
    String state;

    @Mixin OutputOption output;

    @Override
    public Integer call() {
      if (!List.of("active", "pending", "expired", "all").contains(state)) {
        throw usage("silence.bad-state", state);
      }
      JsonNode answer = client().get(SILENCES + (state.equals("all") ? "" : "?state=" + state));
      if (output.printedJson(out(), answer)) {
        return ExitCode.OK;
      }
      Table table = new Table("ID", "STATE", "ENDS", "CREATED-BY", "MATCHERS", "COMMENT");
      Instant now = context().clock().instant();
      for (JsonNode s : answer) {
        String ends = Json.text(s, "endsAt");
        String left = ends;
        try {
          Duration d = Duration.between(now, Instant.parse(ends));
          left = d.isNegative() ? ends : "in " + Durations.age(d);
        } catch (RuntimeException e) {
          // as given
        }
        table.row(
            Json.text(s, "id"),
            Json.text(s, "state"),
            left,
            Json.text(s, "createdBy"),
            String.join(",", texts(s.path("matchers"))),
            Json.text(s, "comment"));
      }
      if (table.isEmpty()) {
        out().println(messages().get("silence.none"));
      } else {
        table.print(out(), "");
      }
      return ExitCode.OK;
    }
  }

  /** {@code silence expire ID...}. */
  @Command(name = "expire", description = "End silences now.")
  public static final class Expire extends ApiCommand {
    @Parameters(paramLabel = "ID", arity = "1..*")
    List<String> ids;

    @Override
    public Integer call() {
      for (String id : ids) {
        client().send("DELETE", SILENCES + "/" + KubewardClient.segment(id), null);
        out().println(messages().get("silence.expired", id));
      }
      return ExitCode.OK;
    }
  }

  static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
