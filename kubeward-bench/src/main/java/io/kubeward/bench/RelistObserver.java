package io.kubeward.bench;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Follows a forced relist: samples the server's live heap (full GC every second) and the overview
 * (every 100 ms) until the overview has been complete again for 5 s after being unavailable.
 */
final class RelistObserver {

  record Result(double peakLiveMiB, Duration unavailable, Duration complete) {}

  private final ServerProcess server;
  private final int pods;
  private final AtomicReference<Double> peak = new AtomicReference<>(0.0);
  private final AtomicLong firstGapNanos = new AtomicLong();
  private final AtomicLong lastGapNanos = new AtomicLong();
  private volatile boolean stopped;
  private long startNanos;
  private Thread heapSampler;

  RelistObserver(ServerProcess server, int pods) {
    this.server = server;
    this.pods = pods;
  }

  void start() {
    startNanos = System.nanoTime();
    heapSampler =
        Thread.ofPlatform()
            .name("relist-heap-sampler")
            .start(
                () -> {
                  while (!stopped) {
                    try {
                      double live = server.heapAfterFullGcMiB();
                      peak.accumulateAndGet(live, Math::max);
                      Thread.sleep(1_000);
                    } catch (InterruptedException e) {
                      return;
                    } catch (Exception e) {
                      // the server is busy relisting; try again
                    }
                  }
                });
  }

  /**
   * Waits until the overview is complete again and has stayed so for 5 s, counting from when it was
   * last unavailable or, if it never was (the outage fell between two probes), from {@code
   * restarted} + 30 s, long enough for every informer to have relisted.
   */
  Result awaitRecovery(long restartedNanos, Duration timeout) throws InterruptedException {
    long deadline = startNanos + timeout.toNanos();
    long settle = restartedNanos + Duration.ofSeconds(30).toNanos();
    long completeSince = 0;
    try {
      while (System.nanoTime() < deadline) {
        long now = System.nanoTime();
        if (isComplete()) {
          boolean recovered = lastGapNanos.get() != 0 || now > settle;
          if (recovered && completeSince == 0) {
            completeSince = now;
          }
          if (completeSince != 0 && now - completeSince > Duration.ofSeconds(5).toNanos()) {
            long gapStart = firstGapNanos.get();
            return new Result(
                peak.get(),
                Duration.ofNanos(gapStart == 0 ? 0 : lastGapNanos.get() - gapStart),
                Duration.ofNanos(completeSince - startNanos));
          }
        } else {
          firstGapNanos.compareAndSet(0, now);
          lastGapNanos.set(now);
          completeSince = 0;
        }
        Thread.sleep(100);
      }
      throw new IllegalStateException("The overview did not recover within " + timeout);
    } finally {
      stopped = true;
      heapSampler.interrupt();
      heapSampler.join();
    }
  }

  private boolean isComplete() {
    try {
      var response = server.get("/api/v1/overview");
      return response.statusCode() == 200 && response.body().contains("\"total\":" + pods + ",");
    } catch (Exception e) {
      return false;
    }
  }
}
