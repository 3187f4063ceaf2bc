package io.kubeward.cli;

import java.util.Optional;

/**
 * Reads {@code text/event-stream} line by line (WHATWG rules): {@code event:} and {@code data:}
 * fields, one optional space after the colon, several data lines joined by a newline, comments
 * ({@code :...}) ignored, and an empty line ending an event.
 */
public final class SseParser {

  private String name;
  private StringBuilder data;

  /** Feeds one line (without its line break); answers the event an empty line completes. */
  public Optional<SseEvent> line(String line) {
    if (line.isEmpty()) {
      return dispatch();
    }
    if (line.startsWith(":")) {
      return Optional.empty();
    }
    int colon = line.indexOf(':');
    String field = colon < 0 ? line : line.substring(0, colon);
    String value = colon < 0 ? "" : line.substring(colon + 1);
    if (value.startsWith(" ")) {
      value = value.substring(1);
    }
    switch (field) {
      case "event" -> name = value;
      case "data" -> {
        if (data == null) {
          data = new StringBuilder(value);
        } else {
          data.append('\n').append(value);
        }
      }
      default -> {
        // id, retry and unknown fields do not matter to the CLI
      }
    }
    return Optional.empty();
  }

  /** The event still open when the stream ended without a final empty line, if any. */
  public Optional<SseEvent> end() {
    return dispatch();
  }

  private Optional<SseEvent> dispatch() {
    Optional<SseEvent> event =
        data == null
            ? Optional.empty()
            : Optional.of(
                new SseEvent(name == null || name.isEmpty() ? "message" : name, data.toString()));
    name = null;
    data = null;
    return event;
  }
}
