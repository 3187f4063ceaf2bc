package io.kubeward.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubeward.cli.Json;
import io.kubeward.cli.Messages;
import java.io.PrintWriter;
import java.util.Locale;

/** The sentences of a rollout status, like kubectl's, in the CLI's language. */
final class RolloutText {

  private RolloutText() {}

  /** One line for the status: its reason's sentence with the counts. */
  static String line(Messages messages, JsonNode status) {
    String kind = Json.text(status, "kind", "").toLowerCase(Locale.ROOT);
    String reason = Json.text(status, "reason", "");
    String text =
        messages.get(
            "rollout.reason." + reason,
            kind,
            Json.text(status, "name", ""),
            status.path("updated").asInt(),
            status.path("desired").asInt(),
            status.path("ready").asInt(),
            status.path("available").asInt(),
            status.path("total").asInt() - status.path("updated").asInt(),
            Json.text(status, "revision", "-"));
    String message = Json.text(status, "message");
    if (("STUCK".equals(Json.text(status, "phase")) || "FAILED".equals(Json.text(status, "phase")))
        && message != null
        && !message.isBlank()) {
      text = text + " (" + message + ")";
    }
    return text;
  }

  /** The new revision's pods that are not ready, one line each with why and the findings. */
  static void printNotReady(PrintWriter out, Messages messages, JsonNode status) {
    JsonNode pods = status.path("notReady");
    if (!pods.isArray() || pods.isEmpty()) {
      return;
    }
    out.println(messages.get("rollout.not-ready", pods.size()));
    boolean zh = messages.locale().getLanguage().equals("zh");
    for (JsonNode pod : pods) {
      String why = Json.text(pod, "problem");
      if (why == null) {
        why = Json.text(pod, "reason", Json.text(pod, "phase", ""));
      }
      String message = Json.text(pod, "message");
      out.println(
          "  "
              + Json.text(pod, "name", "")
              + "  "
              + Json.text(pod, "ready", "")
              + "  "
              + why
              + (message == null || message.isBlank() ? "" : ": " + message));
      for (JsonNode finding : pod.path("findings")) {
        out.println(
            "    "
                + messages.get(
                    "rollout.finding",
                    Json.text(finding, "severity", ""),
                    zh ? Json.text(finding, "titleZh", "") : Json.text(finding, "title", ""),
                    Json.text(finding, "rule", ""),
                    Json.text(finding, "runbook", "")));
      }
    }
  }
}
