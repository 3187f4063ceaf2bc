package io.kubeward.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubeward.cli.CliException;
import io.kubeward.cli.ExitCode;
import io.kubeward.cli.Json;
import io.kubeward.cli.KubewardClient;
import io.kubeward.cli.SseEvent;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kubeward logs}: a container's log, or the logs of the pods of a label selector or a
 * workload (like stern: each line prefixed with its pod and container, coloured per pod), through
 * Kubeward's API so that the cluster decides as the signed-in user. Ctrl-C ends it quietly; a
 * refusal is one sentence and a non-zero exit code.
 */
@Command(
    name = "logs",
    description =
        "Print a container's log, or the logs of the pods of a selector or a workload (-l,"
            + " --workload).")
public final class LogsCommand extends ApiCommand {

  /** ANSI colours of the console's palette order (PodColours.PALETTE = 12). */
  static final String[] COLOURS = {
    "\u001b[36m", "\u001b[33m", "\u001b[32m", "\u001b[35m", "\u001b[34m", "\u001b[31m",
    "\u001b[96m", "\u001b[93m", "\u001b[92m", "\u001b[95m", "\u001b[94m", "\u001b[91m"
  };

  static final String RESET = "\u001b[0m";

  /** {@code text} in the colour of palette index {@code index}. */
  public static String colour(int index, String text) {
    return COLOURS[Math.floorMod(index, COLOURS.length)] + text + RESET;
  }

  enum ColourMode {
    auto,
    always,
    never
  }

  @Parameters(index = "0", arity = "0..1", paramLabel = "POD", description = "The pod.")
  String pod;

  @Option(
      names = {"-n", "--namespace"},
      paramLabel = "NAMESPACE",
      description = "The namespace (default: default).")
  String namespace;

  @Option(
      names = {"-c", "--container"},
      paramLabel = "CONTAINER",
      description = "The container (needed for a pod of several containers).")
  String container;

  @Option(
      names = {"-f", "--follow"},
      description = "Keep printing new lines (and, with -l/--workload, pods that start).")
  boolean follow;

  @Option(
      names = {"-p", "--previous"},
      description = "The log of the container's previous run.")
  boolean previous;

  @Option(names = "--timestamps", description = "Prefix each line with its time (RFC 3339).")
  boolean timestamps;

  @Option(
      names = "--since",
      paramLabel = "DURATION",
      description = "Only lines newer than this (90s, 10m, 2h).")
  String since;

  @Option(
      names = "--since-time",
      paramLabel = "TIME",
      description = "Only lines after this time (RFC 3339).")
  String sinceTime;

  @Option(
      names = "--tail",
      paramLabel = "N",
      description = "Only the last N lines (default: the server's, 500).")
  String tail;

  @Option(
      names = "--limit-bytes",
      paramLabel = "BYTES",
      description = "At most this many bytes of each container's log.")
  String limitBytes;

  @Option(
      names = {"-l", "--selector"},
      paramLabel = "SELECTOR",
      description = "The pods matching this label selector (app=web,tier!=db).")
  String selector;

  @Option(
      names = "--workload",
      paramLabel = "KIND/NAME",
      description = "The pods of a deployment, statefulset, daemonset, replicaset, job or cronjob.")
  String workload;

  @Option(
      names = "--color",
      paramLabel = "auto|always|never",
      description = "Colour the pod prefixes (default: auto, on a terminal without NO_COLOR).")
  ColourMode colour = ColourMode.auto;

  @Override
  public Integer call() {
    int targets = (pod != null ? 1 : 0) + (selector != null ? 1 : 0) + (workload != null ? 1 : 0);
    if (targets != 1) {
      throw usage("logs.one-target");
    }
    String ns = namespace == null || namespace.isBlank() ? "default" : namespace;
    boolean multi = pod == null;
    StringBuilder query = new StringBuilder("?follow=").append(follow);
    add(query, "container", container);
    if (previous) {
      add(query, "previous", "true");
    }
    if (timestamps) {
      add(query, "timestamps", "true");
    }
    add(query, "since", since);
    add(query, "sinceTime", sinceTime);
    add(query, "tailLines", tail);
    add(query, "limitBytes", limitBytes);
    String path;
    if (multi) {
      if (selector != null) {
        add(query, "selector", selector);
      } else {
        int slash = workload.indexOf('/');
        if (slash <= 0 || slash == workload.length() - 1) {
          throw usage("logs.bad-workload", workload);
        }
        add(query, "workloadKind", workload.substring(0, slash));
        add(query, "workloadName", workload.substring(slash + 1));
      }
      path = clusterPath("/namespaces/" + KubewardClient.segment(ns) + "/logs/stream" + query);
    } else {
      path =
          clusterPath(
              "/namespaces/"
                  + KubewardClient.segment(ns)
                  + "/pods/"
                  + KubewardClient.segment(pod)
                  + "/logs/stream"
                  + query);
    }
    Printer printer = new Printer(out(), multi, colours());
    Thread hook = new Thread(printer::interrupted, "kubeward-logs-interrupted");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      client().stream(path, printer::event);
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // Ctrl-C: the hook runs
      }
    }
    out().flush();
    if (printer.failure != null) {
      throw new CliException(ExitCode.REFUSED, printer.failure);
    }
    return ExitCode.OK;
  }

  private boolean colours() {
    return switch (colour) {
      case always -> true;
      case never -> false;
      case auto -> System.console() != null && !context().environment().containsKey("NO_COLOR");
    };
  }

  private static void add(StringBuilder query, String name, String value) {
    if (value != null && !value.isBlank()) {
      query.append('&').append(name).append('=').append(KubewardClient.query(value));
    }
  }

  /** Prints each event; remembers the first refusal of a single container's log. */
  private final class Printer {
    final PrintWriter out;
    final boolean multi;
    final boolean colour;
    String failure;

    Printer(PrintWriter out, boolean multi, boolean colour) {
      this.out = out;
      this.multi = multi;
      this.colour = colour;
    }

    synchronized boolean event(SseEvent event) {
      JsonNode data;
      try {
        data =
            event.data().isEmpty()
                ? Json.MAPPER.createObjectNode()
                : Json.MAPPER.readTree(event.data());
      } catch (IOException e) {
        return true;
      }
      switch (event.name()) {
        case "lines" -> lines(data);
        case "joined" -> {
          if (multi && !data.path("initial").asBoolean()) {
            note(data, messages().get("logs.joined", Json.text(data, "pod")));
          }
        }
        case "left" ->
            note(
                data,
                messages().get("logs.left", Json.text(data, "pod"), Json.text(data, "reason")));
        case "capped" ->
            note(
                data,
                messages()
                    .get(
                        "logs.capped",
                        data.path("matched").asInt(),
                        data.path("followed").asInt(),
                        names(data.path("skipped"))));
        case "ended" -> {
          String code = Json.text(data, "code");
          if (code != null && !code.isBlank()) {
            String message =
                messages()
                    .get(
                        "logs.refused",
                        Json.text(data, "pod"),
                        Json.text(data, "container"),
                        Json.text(data, "message"));
            if (multi) {
              note(data, message);
            } else {
              failure = message;
            }
          }
        }
        case "finished" -> {
          String reason = Json.text(data, "reason");
          if (!"finished".equals(reason)) {
            out.println(messages().get("logs.finished." + reason));
          }
          out.flush();
          return false;
        }
        case "closed" -> {
          failure = messages().get("logs.closed");
          return false;
        }
        case "overflow" -> {
          failure = messages().get("logs.overflow");
          return false;
        }
        default -> {
          // keep-alive and anything newer
        }
      }
      return true;
    }

    private void lines(JsonNode data) {
      String prefix = "";
      if (multi) {
        String p = Json.text(data, "pod") + " " + Json.text(data, "container") + " ";
        prefix = colour ? colour(data.path("colour").asInt(), p) : p;
      }
      for (JsonNode line : data.path("lines")) {
        String ts = line.path("timestamp").isTextual() ? line.path("timestamp").asText() + " " : "";
        out.println(prefix + ts + line.path("text").asText());
      }
      out.flush();
    }

    private void note(JsonNode data, String text) {
      if (!multi) {
        return;
      }
      String line = "--- " + text;
      out.println(colour && data.has("pod") ? COLOURS[colourOf(data)] + line + RESET : line);
      out.flush();
    }

    private int colourOf(JsonNode data) {
      String p = Json.text(data, "pod");
      int h = 0x811c9dc5;
      for (int i = 0; i < p.length(); i++) {
        h ^= p.charAt(i);
        h *= 0x01000193;
      }
      return Math.floorMod(h, COLOURS.length);
    }

    private String names(JsonNode array) {
      List<String> names = new ArrayList<>();
      array.forEach(n -> names.add(n.asText()));
      return String.join(", ", names);
    }

    /** Ctrl-C: the colours are reset, nothing else is printed. */
    void interrupted() {
      if (colour) {
        out.print(RESET);
      }
      out.flush();
    }
  }
}
