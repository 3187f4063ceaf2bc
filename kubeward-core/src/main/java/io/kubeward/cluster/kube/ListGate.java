package io.kubeward.cluster.kube;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Lets at most {@code permits} list requests of one cluster's informers be in flight at a time, in
 * the order they asked (first come, first served). It never blocks a thread: a call waits as a
 * future, because fabric8 asks for the next page on the HTTP client's own thread.
 *
 * <p>Why: a page of a list holds up to {@link ClusterCache#PAGE_SIZE} <em>full</em> objects (the
 * JSON and its decoded objects) until the store has projected them. When the API server restarts,
 * every informer relists at the same moment; 22 pages in flight at once doubled the heap of the
 * compact cache (benchmark issue: 2.39× steady state at 10,200 pods). Through the gate the extra
 * memory of a relist is at most {@code permits} pages, whatever the number of kinds.
 */
final class ListGate {

  private final int permits;
  private final Deque<CompletableFuture<Void>> waiting = new ArrayDeque<>();
  private int available;
  private int inFlight;
  private int mostInFlight;

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
    return acquire()
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

  private synchronized CompletableFuture<Void> acquire() {
    if (available > 0) {
      available--;
      started();
      return CompletableFuture.completedFuture(null);
    }
    CompletableFuture<Void> turn = new CompletableFuture<>();
    waiting.addLast(turn);
    return turn;
  }

  private void release() {
    CompletableFuture<Void> next;
    synchronized (this) {
      inFlight--;
      next = waiting.pollFirst();
      if (next == null) {
        available++;
        return;
      }
      started();
    }
    // Outside the lock: completing runs the next call on this thread.
    next.complete(null);
  }

  private void started() {
    inFlight++;
    mostInFlight = Math.max(mostInFlight, inFlight);
  }
}
