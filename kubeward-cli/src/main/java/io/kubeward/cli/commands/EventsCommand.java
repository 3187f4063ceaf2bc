package io.kubeward.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubeward.cli.Durations;
import io.kubeward.cli.ExitCode;
import io.kubeward.cli.Json;
import io.kubeward.cli.KubewardClient;
import io.kubeward.cli.Table;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code kubeward events}: events Kubeward kept beyond the apiserver's TTL (ADR 0026) — a search
 * ({@code GET .../events}) or, with {@code --for KIND/NAME}, an object's timeline ({@code GET
 * .../events/timeline}).
 */
@Command(
    name = "events",
    description =
        "Stored events (kept beyond the cluster's one-hour TTL), newest first; --for KIND/NAME"
            + " shows an object's timeline (its owners, what it owns, its pods).")
public final class EventsCommand extends ApiCommand {

  @Option(
      names = {"-n", "--namespace"},
      paramLabel = "NS",
      description = "Only events of this namespace (the object's, with --for).")
  String namespace;

  @Option(names = "--type", paramLabel = "TYPE", description = "Normal or Warning.")
  String type;

  @Option(names = "--reason", paramLabel = "REASON", description = "Only this reason.")
  String reason;

  @Option(names = "--kind", paramLabel = "KIND", description = "Only events about this kind.")
  String kind;

  @Option(names = "--name", paramLabel = "NAME", description = "Only events about this name.")
  String name;

  @Option(names = "--text", paramLabel = "TEXT", description = "Part of the message (any case).")
  String text;

  @Option(
      names = "--since",
      paramLabel = "DURATION",
      description = "How far back, e.g. 90m or 24h (default: the server's retention).")
  String since;

  @Option(
      names = "--for",
      paramLabel = "KIND/NAME",
      description = "An object's timeline, e.g. deployment/web or Node/node-1.")
  String object;

  @Option(names = "--limit", paramLabel = "N", description = "How many (default ${DEFAULT-VALUE}).")
  int limit = 50;

  @Mixin OutputOption output;

  @Override
  public Integer call() {
    JsonNode answer;
    JsonNode items;
    if (object != null) {
      int slash = object.indexOf('/');
      if (slash <= 0 || slash == object.length() - 1) {
        throw usage("events.bad-object", object);
      }
      StringBuilder query =
          new StringBuilder("/events/timeline?kind=")
              .append(KubewardClient.query(kindOf(object.substring(0, slash))))
              .append("&name=")
              .append(KubewardClient.query(object.substring(slash + 1)))
              .append("&limit=")
              .append(limit);
      if (namespace != null) {
        query.append("&namespace=").append(KubewardClient.query(namespace));
      }
      answer = client().get(clusterPath(query.toString()));
      items = answer.path("events");
    } else {
      StringBuilder query = new StringBuilder("/events?limit=").append(limit);
      append(query, "namespace", namespace);
      append(query, "type", type);
      append(query, "reason", reason);
      append(query, "kind", kind);
      append(query, "name", name);
      append(query, "text", text);
      if (since != null) {
        Duration back;
        try {
          back = Durations.parse(since);
        } catch (IllegalArgumentException e) {
          throw usage("usage.bad-duration", "--since", since);
        }
        if (back.isZero() || back.isNegative()) {
          throw usage("usage.bad-duration", "--since", since);
        }
        append(query, "from", context().clock().instant().minus(back).toString());
      }
      answer = client().get(clusterPath(query.toString()));
      items = answer.path("items");
    }
    if (output.printedJson(out(), answer)) {
      return ExitCode.OK;
    }
    Table table =
        new Table("LAST SEEN", "TYPE", "REASON", "OBJECT", "COUNT", "FIRST SEEN", "MESSAGE");
    for (JsonNode e : items) {
      String ns = Json.text(e, "objectNamespace");
      table.row(
          Json.text(e, "lastSeen"),
          Json.text(e, "type"),
          Json.text(e, "reason"),
          Json.text(e, "objectKind")
              + "/"
              + (ns == null ? "" : ns + "/")
              + Json.text(e, "objectName"),
          Json.text(e, "count"),
          Json.text(e, "firstSeen"),
          Json.text(e, "message"));
    }
    if (items.isEmpty()) {
      out().println(messages().get("events.none"));
    } else {
      table.print(out(), "");
    }
    return ExitCode.OK;
  }

  private static void append(StringBuilder query, String key, String value) {
    if (value != null && !value.isBlank()) {
      query.append('&').append(key).append('=').append(KubewardClient.query(value));
    }
  }

  /** {@code deployment}, {@code deploy} → {@code Deployment}; other kinds as written. */
  static String kindOf(String text) {
    return switch (text.toLowerCase(java.util.Locale.ROOT)) {
      case "pod", "pods", "po" -> "Pod";
      case "deployment", "deployments", "deploy" -> "Deployment";
      case "replicaset", "replicasets", "rs" -> "ReplicaSet";
      case "statefulset", "statefulsets", "sts" -> "StatefulSet";
      case "daemonset", "daemonsets", "ds" -> "DaemonSet";
      case "job", "jobs" -> "Job";
      case "cronjob", "cronjobs", "cj" -> "CronJob";
      case "node", "nodes", "no" -> "Node";
      case "service", "services", "svc" -> "Service";
      default -> text;
    };
  }
}
