package io.kubeward.runtime.app;

import io.kubeward.runtime.domain.RetryPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Keys to reconcile, as Kubernetes controllers queue them:
 *
 * <ul>
 *   <li>each key is queued at most once, with the earliest time it is due (adding a key due later
 *       than it already is changes nothing; adding it earlier moves it forward);
 *   <li>a key handed out is never handed out again before {@link #done} (no two workers reconcile
 *       the same object); added meanwhile, it is queued again when done;
 *   <li>{@link #retry} queues a key after an exponential delay ({@link RetryPolicy}) that grows
 *       with its failures in a row; {@link #forget} resets them after a success.
 * </ul>
 *
 * Time comes from the injected {@link Clock}: {@link #poll()} hands out what is due now without
 * blocking, so tests move a clock instead of sleeping; {@link #take()} blocks workers until a key
 * is due.
 */
public final class WorkQueue<K> {

  private record Entry<K>(K key, Instant due, long seq) {}

  private final Clock clock;
  private final RetryPolicy retry;
  private final Object lock = new Object();
  private final Map<K, Instant> queued = new HashMap<>();
  private final PriorityQueue<Entry<K>> heap =
      new PriorityQueue<>(
          (a, b) -> {
            int c = a.due().compareTo(b.due());
            return c != 0 ? c : Long.compare(a.seq(), b.seq());
          });
  private final Set<K> processing = new HashSet<>();
  private final Map<K, Instant> dirty = new HashMap<>();
  private final Map<K, Integer> failures = new HashMap<>();
  private long seq;
  private boolean shutDown;

  public WorkQueue(Clock clock, RetryPolicy retry) {
    this.clock = clock;
    this.retry = retry;
  }

  /** Queues {@code key} now. */
  public void add(K key) {
    addAfter(key, Duration.ZERO);
  }

  /** Queues {@code key} due after {@code delay}, unless it is already due earlier. */
  public void addAfter(K key, Duration delay) {
    Instant at = clock.instant().plus(delay.isNegative() ? Duration.ZERO : delay);
    synchronized (lock) {
      if (shutDown) {
        return;
      }
      if (processing.contains(key)) {
        dirty.merge(key, at, WorkQueue::earlier);
        return;
      }
      enqueue(key, at);
      lock.notifyAll();
    }
  }

  /**
   * Queues {@code key} again after its next backoff delay, counting one more failure.
   *
   * @return that delay
   */
  public Duration retry(K key) {
    Duration delay;
    synchronized (lock) {
      int n = failures.merge(key, 1, Integer::sum);
      delay = retry.delay(n);
    }
    addAfter(key, delay);
    return delay;
  }

  /** Forgets the failures of {@code key} (after a successful pass). */
  public void forget(K key) {
    synchronized (lock) {
      failures.remove(key);
    }
  }

  /** Failures in a row of {@code key}. */
  public int failures(K key) {
    synchronized (lock) {
      return failures.getOrDefault(key, 0);
    }
  }

  /** Hands out a key due now, if any, without blocking; call {@link #done} after processing. */
  public Optional<K> poll() {
    synchronized (lock) {
      return Optional.ofNullable(next(clock.instant()));
    }
  }

  /**
   * Waits until a key is due and hands it out; call {@link #done} after processing.
   *
   * @throws InterruptedException also when the queue is shut down
   */
  public K take() throws InterruptedException {
    synchronized (lock) {
      while (true) {
        if (shutDown) {
          throw new InterruptedException("work queue shut down");
        }
        Instant now = clock.instant();
        K key = next(now);
        if (key != null) {
          return key;
        }
        Entry<K> head = heap.peek();
        long waitMillis =
            head == null ? 0 : Math.max(1, Duration.between(now, head.due()).toMillis());
        lock.wait(waitMillis);
      }
    }
  }

  /** Ends the processing of {@code key}; queues it again if it was added meanwhile. */
  public void done(K key) {
    synchronized (lock) {
      processing.remove(key);
      Instant again = dirty.remove(key);
      if (again != null && !shutDown) {
        enqueue(key, again);
        lock.notifyAll();
      }
    }
  }

  /** Keys waiting (due now or later), not counting those being processed. */
  public int depth() {
    synchronized (lock) {
      return queued.size()
          + (int) dirty.keySet().stream().filter(k -> !queued.containsKey(k)).count();
    }
  }

  /** When the next key is due, if one is queued. */
  public Optional<Instant> nextDue() {
    synchronized (lock) {
      return Optional.ofNullable(heap.peek()).map(Entry::due);
    }
  }

  /** Drops every key and failure count (e.g. when leadership is lost). */
  public void clear() {
    synchronized (lock) {
      queued.clear();
      heap.clear();
      dirty.clear();
      failures.clear();
    }
  }

  /** Wakes every {@link #take()} with an {@link InterruptedException}; adds are ignored after. */
  public void shutDown() {
    synchronized (lock) {
      shutDown = true;
      lock.notifyAll();
    }
  }

  private void enqueue(K key, Instant at) {
    Instant existing = queued.get(key);
    if (existing != null && !at.isBefore(existing)) {
      return;
    }
    queued.put(key, at);
    heap.add(new Entry<>(key, at, seq++));
  }

  private K next(Instant now) {
    while (!heap.isEmpty()) {
      Entry<K> head = heap.peek();
      if (!head.due().equals(queued.get(head.key()))) {
        heap.poll(); // superseded by an earlier entry of the same key, or handed out
        continue;
      }
      if (head.due().isAfter(now)) {
        return null;
      }
      heap.poll();
      queued.remove(head.key());
      processing.add(head.key());
      return head.key();
    }
    return null;
  }

  private static Instant earlier(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
