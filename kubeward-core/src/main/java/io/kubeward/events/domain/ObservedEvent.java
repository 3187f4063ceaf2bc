package io.kubeward.events.domain;

import io.kubeward.cluster.domain.KubeObjectView;
import io.kubeward.cluster.domain.ObjectView;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One Kubernetes Event as the shared cache shows it (see {@code EventProjection}), the input of the
 * event store.
 *
 * @param uid the Event object's uid (the dedup of a growing count)
 * @param namespace the Event object's namespace (what RBAC guards), {@code null} if none
 * @param type {@code Normal} or {@code Warning} (others kept as sent)
 */
public record ObservedEvent(
    String uid,
    @Nullable String namespace,
    String type,
    String reason,
    String message,
    String objectKind,
    @Nullable String objectNamespace,
    String objectName,
    @Nullable String objectUid,
    @Nullable String source,
    long count,
    Instant firstSeen,
    Instant lastSeen) {

  /**
   * The cached view of an Event, or empty when it names no involved object or reason. Missing times
   * fall back to the other one, then to the object's creation, then to {@code now}.
   */
  public static Optional<ObservedEvent> from(KubeObjectView view, Instant now) {
    if (!(view instanceof ObjectView event)) {
      return Optional.empty();
    }
    String kind = text(event.fields().get("objectKind"));
    String name = text(event.fields().get("objectName"));
    String reason = text(event.fields().get("reason"));
    if (kind == null || name == null || reason == null || event.uid() == null) {
      return Optional.empty();
    }
    Instant last = instant(event.fields().get("lastSeen"));
    Instant first = instant(event.fields().get("firstSeen"));
    Instant created = event.createdAt();
    if (last == null) {
      last = first != null ? first : created != null ? created : now;
    }
    if (first == null || first.isAfter(last)) {
      first = created != null && !created.isAfter(last) ? created : last;
    }
    Object count = event.fields().get("count");
    String message = text(event.fields().get("message"));
    return Optional.of(
        new ObservedEvent(
            event.uid(),
            event.namespace(),
            event.status() == null || event.status().isEmpty() ? "Normal" : event.status(),
            reason,
            message == null ? "" : message,
            kind,
            text(event.fields().get("objectNamespace")),
            name,
            text(event.fields().get("objectUid")),
            text(event.fields().get("source")),
            count instanceof Number n ? Math.max(1, n.longValue()) : 1,
            first,
            last));
  }

  private static @Nullable String text(@Nullable Object value) {
    return value instanceof String s && !s.isEmpty() ? s : null;
  }

  private static @Nullable Instant instant(@Nullable Object value) {
    if (!(value instanceof String s)) {
      return null;
    }
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
