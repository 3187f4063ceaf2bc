package io.kubeward.events.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Where a page of stored events ends: the last row's last-seen time and id (rows are ordered by
 * both, newest first). Sent to clients as an opaque token.
 */
public record EventCursor(Instant lastSeen, long id) {

  public String token() {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((lastSeen.toEpochMilli() + ":" + id).getBytes(StandardCharsets.UTF_8));
  }

  /** The cursor of a token, empty when it is not one of ours. */
  public static Optional<EventCursor> parse(String token) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      int colon = text.indexOf(':');
      if (colon < 0) {
        return Optional.empty();
      }
      return Optional.of(
          new EventCursor(
              Instant.ofEpochMilli(Long.parseLong(text.substring(0, colon))),
              Long.parseLong(text.substring(colon + 1))));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
