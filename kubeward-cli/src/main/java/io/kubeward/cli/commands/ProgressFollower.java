package io.kubeward.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubeward.cli.CliException;
import io.kubeward.cli.ExitCode;
import io.kubeward.cli.Json;
import io.kubeward.cli.KubewardClient;
import io.kubeward.cli.Messages;
import io.kubeward.cli.SseEvent;
import io.kubeward.cli.Table;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Follows a maintenance ({@code /maintenances/{name}/watch}) and prints what changed as one line
 * each: the phase, each node's step, each pod's drain state, PDB blockers; then the final report.
 * The state is always the server's: a view is compared with the previous one, so a reconnect or a
 * repeated event prints nothing twice.
 */
public final class ProgressFollower {

  /** Phases after which a maintenance does nothing more. */
  public static final Set<String> FINAL_PHASES = Set.of("Succeeded", "Failed", "Cancelled");

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
  private static final int MAX_RECONNECTS = 20;

  private final PrintWriter out;
  private final Messages messages;
  private final Clock clock;
  private final String onlyNode;
  private String phase;
  private final Map<String, String> steps = new HashMap<>();
  private final Map<String, String> drainStates = new HashMap<>();
  private final Map<String, String> blockers = new HashMap<>();
  private final Map<String, String> pods = new HashMap<>();
  private JsonNode last;

  /**
   * @param onlyNode the drained node when following a drain (its report lists pods), else {@code
   *     null} (the report lists nodes)
   */
  public ProgressFollower(PrintWriter out, Messages messages, Clock clock, String onlyNode) {
    this.out = out;
    this.messages = messages;
    this.clock = clock;
    this.onlyNode = onlyNode;
  }

  /** Follows until the maintenance is finished; answers the exit code after the report. */
  public int follow(KubewardClient client, String maintenancePath) {
    int reconnects = 0;
    while (true) {
      boolean[] finished = {false};
      boolean[] deleted = {false};
      client.stream(
          maintenancePath + "/watch",
          event -> {
            if ("deleted".equals(event.name())) {
              deleted[0] = true;
              return false;
            }
            return !(finished[0] = accept(event));
          });
      if (deleted[0]) {
        out.flush();
        throw new CliException(
            ExitCode.NOT_SUCCEEDED,
            messages.get(
                "watch.deleted", Json.text(last, "name", lastPathSegment(maintenancePath))));
      }
      if (finished[0] || accept(client.get(maintenancePath))) {
        return finish();
      }
      if (++reconnects > MAX_RECONNECTS) {
        throw new CliException(
            ExitCode.REFUSED, messages.get("watch.lost", Json.text(last, "name", "?")));
      }
    }
  }

  private static String lastPathSegment(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  private boolean accept(SseEvent event) {
    if (!"maintenance".equals(event.name())) {
      return false;
    }
    try {
      return accept(Json.MAPPER.readTree(event.data()));
    } catch (IOException e) {
      throw new CliException(ExitCode.REFUSED, messages.get("watch.bad-event", e.getMessage()));
    }
  }

  /** Prints what changed since the previous view; answers whether the maintenance is finished. */
  public boolean accept(JsonNode view) {
    last = view;
    String name = Json.text(view, "name");
    String newPhase = Json.text(view, "phase");
    boolean phaseChanged = !Objects.equals(newPhase, phase);
    phase = newPhase;
    String phaseLine =
        messages.get("watch.phase", name, newPhase, suffix(Json.text(view, "message")));
    if (phaseChanged && !FINAL_PHASES.contains(newPhase)) {
      line(phaseLine);
    }
    for (JsonNode node : view.path("nodes")) {
      String nodeName = Json.text(node, "name");
      if (onlyNode != null && !onlyNode.equals(nodeName)) {
        continue;
      }
      String step = Json.text(node, "step");
      String previousStep = steps.put(nodeName, step);
      JsonNode drain = node.path("drain");
      // The pods' last changes belong before the step that follows the drain, else after it.
      boolean drainFirst = "Draining".equals(previousStep);
      if (drainFirst && drain.isObject()) {
        drainChanges(nodeName, drain);
      }
      if (!Objects.equals(previousStep, step)) {
        line(messages.get("watch.step", nodeName, step, suffix(Json.text(node, "message"))));
      }
      if (!drainFirst && drain.isObject()) {
        drainChanges(nodeName, drain);
      }
    }
    if (phaseChanged && FINAL_PHASES.contains(newPhase)) {
      line(phaseLine);
    }
    out.flush();
    return FINAL_PHASES.contains(newPhase);
  }

  private void drainChanges(String nodeName, JsonNode drain) {
    for (JsonNode pod : drain.path("pods")) {
      String key = Json.text(pod, "namespace") + "/" + Json.text(pod, "name");
      String state = Json.text(pod, "state");
      if (!Objects.equals(pods.put(nodeName + "|" + key, state), state)) {
        line(messages.get("watch.pod", key, state, podDetails(pod)));
      }
    }
    String state = Json.text(drain, "state");
    if (!Objects.equals(drainStates.put(nodeName, state), state) && !"RUNNING".equals(state)) {
      line(messages.get("watch.drain", nodeName, state, suffix(Json.text(drain, "message"))));
    }
    String blockedBy = blockerSentence(drain);
    if (!blockedBy.isEmpty() && !blockedBy.equals(blockers.put(nodeName, blockedBy))) {
      line(messages.get("watch.blocked", nodeName, blockedBy));
    }
  }

  private String podDetails(JsonNode pod) {
    List<String> details = new ArrayList<>();
    if (pod.path("attempts").asInt(0) > 1) {
      details.add(messages.get("watch.attempt", pod.path("attempts").asInt()));
    }
    if (Json.text(pod, "pdb") != null) {
      details.add("PDB " + Json.text(pod, "pdb"));
    }
    String message = Json.text(pod, "message");
    return (details.isEmpty() ? "" : " (" + String.join(", ", details) + ")") + suffix(message);
  }

  /** "PodDisruptionBudget ns/pdb blocks pods a, b; ..." or empty when nothing blocks. */
  String blockerSentence(JsonNode drain) {
    List<String> parts = new ArrayList<>();
    for (JsonNode blocker : drain.path("blockers")) {
      List<String> podNames = new ArrayList<>();
      blocker.path("pods").forEach(p -> podNames.add(p.asText()));
      parts.add(
          messages.get(
              "drain.blocker",
              Json.text(blocker, "namespace") + "/" + Json.text(blocker, "pdb"),
              String.join(", ", podNames)));
    }
    return String.join("; ", parts);
  }

  private static String suffix(String message) {
    return message == null || message.isBlank() ? "" : " - " + message;
  }

  private void line(String text) {
    out.println(LocalTime.now(clock).format(TIME) + "  " + text);
  }

  /** The final report and exit code for the last view. */
  public int finish() {
    out.println();
    if (onlyNode != null) {
      podReport();
    } else {
      nodeReport();
    }
    String name = Json.text(last, "name");
    if ("Succeeded".equals(phase)) {
      out.println(
          onlyNode != null
              ? messages.get("drain.succeeded", onlyNode, counts(drainOf(onlyNode)))
              : messages.get("maintenance.succeeded", name));
      out.flush();
      return ExitCode.OK;
    }
    out.flush();
    throw new CliException(ExitCode.NOT_SUCCEEDED, failureSentence(name));
  }

  private String failureSentence(String name) {
    JsonNode drain = onlyNode != null ? drainOf(onlyNode) : firstUnfinishedDrain();
    if (drain != null && drain.isObject()) {
      String node = Json.text(drain, "node", onlyNode);
      String state = Json.text(drain, "state");
      String blockedBy = blockerSentence(drain);
      if (!blockedBy.isEmpty()) {
        return messages.get("drain.ended-blocked", node, state, blockedBy);
      }
      if (!"SUCCEEDED".equals(state) && state != null) {
        return messages.get("drain.ended", node, state, Json.text(drain, "message", phase));
      }
    }
    return messages.get("maintenance.ended", name, phase, Json.text(last, "message", "-"));
  }

  private JsonNode drainOf(String node) {
    for (JsonNode n : last.path("nodes")) {
      if (node.equals(Json.text(n, "name"))) {
        return n.path("drain");
      }
    }
    return null;
  }

  private JsonNode firstUnfinishedDrain() {
    for (JsonNode n : last.path("nodes")) {
      JsonNode drain = n.path("drain");
      if (drain.isObject() && !"SUCCEEDED".equals(Json.text(drain, "state"))) {
        return drain;
      }
    }
    return null;
  }

  private String counts(JsonNode drain) {
    Map<String, Integer> counts = new java.util.TreeMap<>();
    if (drain != null) {
      drain.path("pods").forEach(p -> counts.merge(Json.text(p, "state", "?"), 1, Integer::sum));
    }
    List<String> parts = new ArrayList<>();
    counts.forEach((state, count) -> parts.add(count + " " + state));
    return parts.isEmpty() ? messages.get("drain.no-pods") : String.join(", ", parts);
  }

  private void podReport() {
    JsonNode drain = drainOf(onlyNode);
    if (drain == null || !drain.isObject()) {
      return;
    }
    Table table = new Table("NAMESPACE", "POD", "OUTCOME", "ATTEMPTS", "PDB", "MESSAGE");
    for (JsonNode pod : drain.path("pods")) {
      table.row(
          Json.text(pod, "namespace"),
          Json.text(pod, "name"),
          Json.text(pod, "state"),
          pod.path("attempts").asInt(0),
          Json.text(pod, "pdb"),
          Json.text(pod, "message"));
    }
    out.println(messages.get("report.drain", onlyNode, Json.text(drain, "state")));
    if (!table.isEmpty()) {
      table.print(out, "  ");
    }
  }

  private void nodeReport() {
    Table table = new Table("NODE", "STEP", "STARTED", "FINISHED", "DRAIN", "MESSAGE");
    for (JsonNode node : last.path("nodes")) {
      table.row(
          Json.text(node, "name"),
          Json.text(node, "step"),
          Json.text(node, "startedAt"),
          Json.text(node, "finishedAt"),
          node.path("drain").isObject() ? Json.text(node.path("drain"), "state") : "-",
          Json.text(node, "message"));
    }
    out.println(messages.get("report.maintenance", Json.text(last, "name"), phase));
    if (!table.isEmpty()) {
      table.print(out, "  ");
    }
  }
}
