package io.kubeward.cluster.kube;

import io.kubeward.cluster.domain.CachedKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Lets at most {@code permits} list requests (pages) of one cluster's informers be in flight at a
 * time. It never blocks a thread: a call waits as a future, because fabric8 asks for the next page
 * on the HTTP client's own thread.
 *
 * <p>Why: a page of a list holds up to {@link ClusterCache#PAGE_SIZE} <em>full</em> objects (the
 * JSON and its decoded objects) until the store has projected them. When the API server restarts,
 * every informer relists at the same moment; 22 pages in flight at once doubled the heap of the
 * compact cache (benchmark issue: 2.39× steady state at 10,200 pods). Through the gate the extra
 * memory of a relist is at most {@code permits} pages, whatever the number of kinds.
 *
 * <p>Priorities (ADR 0012): while a list of {@link Priority#FIRST} is under way (from its first
 * page until its last, including the moments between two pages), no page of a {@link
 * Priority#LATER} list starts. The kinds the overview counts are FIRST, so a cold start or a relist
 * shows the overview as soon as they are in, instead of sharing the apiserver with 33,000 events.
 * Among waiting pages of one priority: first come, first served.
 */
final class ListGate {

  /** Who goes first when permits are scarce. */
  enum Priority {
    FIRST,
    LATER
  }

  private record Waiter(Priority priority, long arrival, CompletableFuture<Void> turn) {}

  private final int permits;
  private final PriorityQueue<Waiter> waiting =
      new PriorityQueue<>(
          Comparator.comparing(Waiter::priority).thenComparingLong(Waiter::arrival));
  private long arrivals;
  private int available;
  private int inFlight;
  private int mostInFlight;
  private final Set<CachedKind> firstListsUnderWay = EnumSet.noneOf(CachedKind.class);

  ListGate(int permits) {
    if (permits < 1) {
      throw new IllegalArgumentException("a list gate needs at least one permit");
    }
    this.permits = permits;
    this.available = permits;
  }

  int permits() {
    return permits;
  }

  /** The most calls that were ever in flight at once (never more than {@link #permits()}). */
  synchronized int mostInFlight() {
    return mostInFlight;
  }

  /**
   * Starts {@code call} once a permit is free and gives the permit back when the future it returned
   * completes, normally or not (also when {@code call} itself throws).
   */
  <T> CompletableFuture<T> run(Supplier<CompletableFuture<T>> call) {
    return run(Priority.FIRST, call);
  }

  /**
   * As {@link #run(Supplier)}; a {@link Priority#LATER} call also waits until no list of {@link
   * Priority#FIRST} is under way.
   */
  <T> CompletableFuture<T> run(Priority priority, Supplier<CompletableFuture<T>> call) {
    return acquire(priority)
        .thenCompose(
            granted -> {
              CompletableFuture<T> result;
              try {
                result = call.get();
              } catch (RuntimeException | Error e) {
                release();
                throw e;
              }
              return result.whenComplete((value, failure) -> release());
            });
  }

  /**
   * A list of {@code kind} asks for its first page. Kept per kind, not per informer: a list that an
   * informer abandoned is ended by the next list of its kind (the replacing informer's), never
   * counted twice.
   */
  void listStarted(CachedKind kind, Priority priority) {
    if (priority == Priority.FIRST) {
      synchronized (this) {
        firstListsUnderWay.add(kind);
      }
    }
  }

  /** A list of {@code kind} has its last page, or failed. */
  void listEnded(CachedKind kind, Priority priority) {
    if (priority == Priority.FIRST) {
      List<CompletableFuture<Void>> turns;
      synchronized (this) {
        firstListsUnderWay.remove(kind);
        turns = grant();
      }
      turns.forEach(turn -> turn.complete(null));
    }
  }

  private synchronized CompletableFuture<Void> acquire(Priority priority) {
    if (available > 0 && mayStart(priority)) {
      available--;
      started();
      return CompletableFuture.completedFuture(null);
    }
    CompletableFuture<Void> turn = new CompletableFuture<>();
    waiting.add(new Waiter(priority, arrivals++, turn));
    return turn;
  }

  private void release() {
    List<CompletableFuture<Void>> turns;
    synchronized (this) {
      inFlight--;
      available++;
      turns = grant();
    }
    // Outside the lock: completing runs the next call on this thread.
    turns.forEach(turn -> turn.complete(null));
  }

  /** Hands the free permits to the waiters that may start; called with the lock held. */
  private List<CompletableFuture<Void>> grant() {
    List<CompletableFuture<Void>> turns = new ArrayList<>();
    while (available > 0 && !waiting.isEmpty() && mayStart(waiting.peek().priority())) {
      available--;
      started();
      turns.add(waiting.poll().turn());
    }
    return turns;
  }

  private boolean mayStart(Priority priority) {
    return priority == Priority.FIRST || firstListsUnderWay.isEmpty();
  }

  private void started() {
    inFlight++;
    mostInFlight = Math.max(mostInFlight, inFlight);
  }
}
