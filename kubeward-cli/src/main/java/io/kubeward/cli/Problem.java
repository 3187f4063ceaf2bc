package io.kubeward.cli;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An RFC 9457 problem answered by the server ({@code application/problem+json}); its {@code detail}
 * (or else its {@code title}) is already in the language the CLI asked for.
 */
public record Problem(int status, String code, String title, String detail) {

  /** The problem in {@code body}, or a generic one naming the HTTP status when it is none. */
  public static Problem of(int status, String body) {
    JsonNode json = null;
    if (body != null && body.startsWith("{")) {
      try {
        json = Json.MAPPER.readTree(body);
      } catch (Exception e) {
        json = null;
      }
    }
    if (json == null || !json.isObject()) {
      return new Problem(status, null, null, null);
    }
    return new Problem(
        status, Json.text(json, "code"), Json.text(json, "title"), Json.text(json, "detail"));
  }

  /** One readable sentence: the detail, else the title, else the HTTP status. */
  public String sentence(Messages messages) {
    if (detail != null && !detail.isBlank()) {
      return detail;
    }
    if (title != null && !title.isBlank()) {
      return title;
    }
    return messages.get("error.http-status", status);
  }
}
