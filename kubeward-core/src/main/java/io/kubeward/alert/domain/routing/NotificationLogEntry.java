package io.kubeward.alert.domain.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a channel was last told about a group (Alertmanager's notification log): the fingerprints of
 * the firing and of the resolved alerts of the last notification delivered, and when. Persisted, so
 * a restart or another replica taking over neither repeats nor loses a transition.
 */
public record NotificationLogEntry(
    String scopeKey,
    String groupKey,
    String channel,
    Set<String> firing,
    Set<String> resolved,
    Instant sentAt) {

  public NotificationLogEntry {
    firing = Set.copyOf(firing);
    resolved = Set.copyOf(resolved);
  }

  /**
   * Whether the channel must be told about the group now ({@code firing}, {@code resolved}: the
   * fingerprints of the group's firing alerts and of those resolved that it was told were firing):
   * the first time only when something fires; again when an alert fires it was not told of, when
   * everything it was told of resolved, when (with {@code sendResolved}) an alert resolved it was
   * not told of, or else once {@code repeat} has passed.
   */
  public static boolean needsUpdate(
      @Nullable NotificationLogEntry last,
      Set<String> firing,
      Set<String> resolved,
      boolean sendResolved,
      Duration repeat,
      Instant now) {
    if (last == null) {
      return !firing.isEmpty();
    }
    if (!last.firing().containsAll(firing)) {
      return true;
    }
    if (firing.isEmpty()) {
      return !last.firing().isEmpty();
    }
    if (sendResolved && !last.resolved().containsAll(resolved)) {
      return true;
    }
    return !last.sentAt().plus(repeat).isAfter(now);
  }
}
