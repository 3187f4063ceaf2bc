package io.kubeward.maintenance.reconcile;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;

/**
 * Names to reconcile, each at most once in the queue: adding a name that is already due earlier is
 * a no-op, adding it earlier moves it forward. {@link #take()} blocks until a name is due.
 */
final class WorkQueue {

  private record Item(String name, long dueNanos) implements Delayed {
    @Override
    public long getDelay(TimeUnit unit) {
      return unit.convert(dueNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
    }

    @Override
    public int compareTo(Delayed other) {
      return Long.compare(dueNanos, ((Item) other).dueNanos);
    }
  }

  private final DelayQueue<Item> queue = new DelayQueue<>();
  private final Map<String, Long> due = new ConcurrentHashMap<>();

  void add(String name, Duration after) {
    long at = System.nanoTime() + Math.max(0, after.toNanos());
    boolean[] earlier = {false};
    due.compute(
        name,
        (k, existing) -> {
          if (existing != null && existing - at <= 0) {
            return existing;
          }
          earlier[0] = true;
          return at;
        });
    if (earlier[0]) {
      queue.add(new Item(name, at));
    }
  }

  /** The next due name; waits for one. */
  String take() throws InterruptedException {
    while (true) {
      Item item = queue.take();
      if (due.remove(item.name(), item.dueNanos())) {
        return item.name();
      }
    }
  }

  /** How many names are queued (due now or later). */
  int size() {
    return due.size();
  }

  void clear() {
    queue.clear();
    due.clear();
  }
}
