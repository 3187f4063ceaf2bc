package io.kubeward.events.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One deduplicated event of a cluster as the store keeps it: every Kubernetes Event with the same
 * involved object (kind, namespace, name), reason and message is one row ({@link #key}), counted,
 * with the first and last time seen. {@code lastUid}/{@code lastUidCount} remember the Event object
 * counted last, so that the same Event seen again with a grown count adds only the difference, and
 * a new Event object seen later (the old one expired in the apiserver) adds its whole count. An
 * older Event object seen again (a re-scan of the cache) counts nothing: two Event objects with the
 * same key alive and updated in turns at once are counted approximately (each takeover adds the
 * whole count of the Event taking over).
 */
public record StoredEvent(
    String key,
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
    Instant lastSeen,
    String lastUid,
    long lastUidCount) {

  /** The dedup key: SHA-256 (hex) of the involved object, reason and message. */
  public static String keyOf(ObservedEvent e) {
    String joined =
        String.join(
            "\u0000",
            e.objectKind(),
            Objects.requireNonNullElse(e.objectNamespace(), ""),
            e.objectName(),
            e.reason(),
            e.message());
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(joined.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e1) {
      throw new IllegalStateException(e1);
    }
  }

  /**
   * The row after observing {@code e}: a new row when {@code existing} is {@code null}; else the
   * count grows by what is new (see the class comment), times widen, and type, source and the
   * object's uid follow the newest observation. Returns {@code existing} itself when nothing
   * changed, so callers can skip the write.
   */
  public static StoredEvent merge(@Nullable StoredEvent existing, ObservedEvent e) {
    if (existing == null) {
      return new StoredEvent(
          keyOf(e),
          e.namespace(),
          e.type(),
          e.reason(),
          e.message(),
          e.objectKind(),
          e.objectNamespace(),
          e.objectName(),
          e.objectUid(),
          e.source(),
          e.count(),
          e.firstSeen(),
          e.lastSeen(),
          e.uid(),
          e.count());
    }
    long count;
    long uidCount;
    String uid = e.uid();
    if (uid.equals(existing.lastUid)) {
      count = existing.count + Math.max(0, e.count() - existing.lastUidCount);
      uidCount = Math.max(existing.lastUidCount, e.count());
    } else if (e.lastSeen().isAfter(existing.lastSeen)) {
      count = existing.count + e.count();
      uidCount = e.count();
    } else {
      // another Event object not newer than what is counted (seen again by a re-scan): counted
      count = existing.count;
      uidCount = existing.lastUidCount;
      uid = existing.lastUid;
    }
    boolean newer = !e.lastSeen().isBefore(existing.lastSeen);
    StoredEvent merged =
        new StoredEvent(
            existing.key,
            existing.namespace != null ? existing.namespace : e.namespace(),
            newer ? e.type() : existing.type,
            existing.reason,
            existing.message,
            existing.objectKind,
            existing.objectNamespace,
            existing.objectName,
            newer && e.objectUid() != null ? e.objectUid() : existing.objectUid,
            newer && e.source() != null ? e.source() : existing.source,
            count,
            e.firstSeen().isBefore(existing.firstSeen) ? e.firstSeen() : existing.firstSeen,
            newer ? e.lastSeen() : existing.lastSeen,
            uid,
            uidCount);
    return merged.equals(existing) ? existing : merged;
  }

  /** Whether the involved object is {@code object}. */
  public boolean isAbout(InvolvedObject object) {
    return object.matches(objectKind, objectNamespace, objectName);
  }
}
