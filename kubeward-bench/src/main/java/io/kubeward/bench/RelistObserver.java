package io.kubeward.bench;

import io.kubeward.testkit.controlplane.Component;
import io.kubeward.testkit.controlplane.ControlPlane;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Follows a forced relist: samples the server's live heap (a class histogram, i.e. a full GC, every
 * second) and the overview (every 100 ms) until the overview has been complete again for 5 s after
 * being unavailable. It also tells which classes grew most from just before the restart to the peak
 * and to the heap once the relist is over (issue 19: what a relist holds, and what it leaves
 * behind).
 */
final class RelistObserver {

  /**
   * {@code grownAtPeak} and {@code grownAfter}: the classes that grew most from before the restart
   * to the sample with the peak and to the heap after the recovery, biggest first.
   */
  record Result(
      double peakLiveMiB,
      Duration unavailable,
      Duration complete,
      List<String> grownAtPeak,
      List<String> grownAfter) {}

  /** How many classes each "grown most" list names. */
  private static final int GROWN_CLASSES = 8;

  private final ServerProcess server;
  private final int pods;
  private final AtomicReference<Histogram> peak = new AtomicReference<>(Histogram.EMPTY);
  private final AtomicLong firstGapNanos = new AtomicLong();
  private final AtomicLong lastGapNanos = new AtomicLong();
  private volatile boolean stopped;
  private long startNanos;
  private Histogram before = Histogram.EMPTY;
  private Thread heapSampler;

  RelistObserver(ServerProcess server, int pods) {
    this.server = server;
    this.pods = pods;
  }

  /**
   * Restarts the apiserver of {@code controlPlane} (every watch breaks, every informer lists again)
   * and follows the relist of {@code server} until the overview counts {@code pods} again.
   */
  static Result observeApiserverRestart(
      ControlPlane controlPlane, ServerProcess server, int pods, Duration timeout)
      throws InterruptedException {
    RelistObserver observer = new RelistObserver(server, pods);
    observer.start();
    controlPlane.restartComponent(Component.KUBE_APISERVER);
    return observer.awaitRecovery(System.nanoTime(), timeout);
  }

  /** Takes the histogram before the restart, then starts sampling. */
  void start() {
    startNanos = System.nanoTime();
    try {
      before = histogram();
    } catch (IOException e) {
      before = Histogram.EMPTY;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    heapSampler =
        Thread.ofPlatform()
            .name("relist-heap-sampler")
            .start(
                () -> {
                  while (!stopped) {
                    try {
                      Histogram live = histogram();
                      peak.accumulateAndGet(
                          live, (a, b) -> a.totalBytes() >= b.totalBytes() ? a : b);
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
            Duration unavailable =
                Duration.ofNanos(gapStart == 0 ? 0 : lastGapNanos.get() - gapStart);
            Duration complete = Duration.ofNanos(completeSince - startNanos);
            stopSampling();
            Histogram peakHistogram = peak.get();
            Histogram after = afterRecovery();
            return new Result(
                peakHistogram.totalBytes() / 1024.0 / 1024.0,
                unavailable,
                complete,
                peakHistogram.grownMost(before, GROWN_CLASSES),
                after.grownMost(before, GROWN_CLASSES));
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
      stopSampling();
    }
  }

  private void stopSampling() throws InterruptedException {
    stopped = true;
    if (heapSampler != null) {
      heapSampler.interrupt();
      heapSampler.join();
    }
  }

  private Histogram afterRecovery() throws InterruptedException {
    try {
      return histogram();
    } catch (IOException e) {
      return Histogram.EMPTY;
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

  /** {@code jcmd GC.class_histogram} of the server: a full GC and a count of what is reachable. */
  private Histogram histogram() throws IOException, InterruptedException {
    Process jcmd =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(server.pid()),
                "GC.class_histogram")
            .redirectErrorStream(true)
            .start();
    String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!jcmd.waitFor(60, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
      throw new IOException("jcmd GC.class_histogram failed: " + out);
    }
    return Histogram.parse(out);
  }

  /** The live bytes per class of one class histogram, and their total. */
  record Histogram(Map<String, Long> bytesByClass, long totalBytes) {

    static final Histogram EMPTY = new Histogram(Map.of(), 0);

    private static final Pattern ROW =
        Pattern.compile("(?m)^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)(?:\\s+\\(.*\\))?\\s*$");
    private static final Pattern TOTAL = Pattern.compile("(?m)^Total\\s+\\d+\\s+(\\d+)\\s*$");

    /** Parses the output of {@code jcmd <pid> GC.class_histogram}; no total: an error. */
    static Histogram parse(String histogram) throws IOException {
      Matcher total = TOTAL.matcher(histogram);
      if (!total.find()) {
        throw new IOException("jcmd GC.class_histogram gave no total");
      }
      Map<String, Long> bytes = new HashMap<>();
      Matcher row = ROW.matcher(histogram);
      while (row.find()) {
        bytes.merge(row.group(3), Long.parseLong(row.group(2)), Long::sum);
      }
      return new Histogram(Map.copyOf(bytes), Long.parseLong(total.group(1)));
    }

    /**
     * The {@code limit} classes that grew most since {@code earlier}, biggest first, as {@code
     * "class +1.2 MiB"}; classes that shrank or stayed are left out.
     */
    List<String> grownMost(Histogram earlier, int limit) {
      Map<String, Long> before = earlier == null ? Map.of() : earlier.bytesByClass();
      return bytesByClass.entrySet().stream()
          .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
          .filter(e -> e.getValue() > 0)
          .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
          .limit(limit)
          .map(e -> "%s +%.1f MiB".formatted(e.getKey(), e.getValue() / 1024.0 / 1024.0))
          .toList();
    }
  }
}
