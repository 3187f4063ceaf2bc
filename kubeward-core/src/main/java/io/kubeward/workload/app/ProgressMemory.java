package io.kubeward.workload.app;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * When each followed workload's counts last changed, as this replica saw it. The first sighting
 * records no time (the object's pods' creation times stand in for it), so a restarted replica does
 * not think a long-stuck rollout just moved. Bounded: past {@link #MAX} workloads it starts afresh.
 */
final class ProgressMemory {

  static final int MAX = 10_000;

  private record Seen(String fingerprint, @Nullable Instant changedAt) {}

  private final Map<String, Seen> seen = new ConcurrentHashMap<>();

  /**
   * Notes {@code fingerprint} of {@code key} at {@code now}.
   *
   * @return when it last changed, {@code null} if it never did while this replica watched
   */
  @Nullable Instant observe(String key, String fingerprint, Instant now) {
    if (seen.size() >= MAX && !seen.containsKey(key)) {
      seen.clear();
    }
    Seen next =
        seen.compute(
            key,
            (k, previous) -> {
              if (previous == null) {
                return new Seen(fingerprint, null);
              }
              return previous.fingerprint().equals(fingerprint)
                  ? previous
                  : new Seen(fingerprint, now);
            });
    return next.changedAt();
  }
}
