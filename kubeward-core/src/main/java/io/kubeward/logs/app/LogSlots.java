package io.kubeward.logs.app;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/** Open log streams and downloads per user in this replica, at most {@code limit} each. */
final class LogSlots {

  private final ConcurrentHashMap<String, Integer> open = new ConcurrentHashMap<>();
  private final int limit;

  LogSlots(int limit) {
    this.limit = limit;
  }

  /**
   * Takes a slot; the returned action gives it back (once, however often it runs).
   *
   * @throws LogStreamLimitException when the user has {@code limit} already
   */
  Runnable acquire(String user) {
    boolean[] taken = {false};
    open.compute(
        user,
        (u, n) -> {
          int current = n == null ? 0 : n;
          if (current >= limit) {
            return n;
          }
          taken[0] = true;
          return current + 1;
        });
    if (!taken[0]) {
      throw new LogStreamLimitException(limit);
    }
    AtomicBoolean released = new AtomicBoolean();
    return () -> {
      if (released.compareAndSet(false, true)) {
        open.computeIfPresent(user, (u, n) -> n <= 1 ? null : n - 1);
      }
    };
  }

  int open(String user) {
    return open.getOrDefault(user, 0);
  }
}
