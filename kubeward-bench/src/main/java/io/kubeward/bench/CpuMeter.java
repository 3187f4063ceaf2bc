package io.kubeward.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** CPU seconds used by named processes between {@link #start} and {@link #stop}. */
final class CpuMeter {

  private final Map<String, Long> pids;
  private final Map<String, Long> startMillis = new LinkedHashMap<>();
  private long wallStart;
  private final Map<String, Double> lastSeconds = new LinkedHashMap<>();

  CpuMeter(Map<String, Long> pids) {
    this.pids = pids;
  }

  CpuMeter start() {
    pids.forEach((name, pid) -> startMillis.put(name, ProcessCpu.millis(pid)));
    wallStart = System.nanoTime();
    return this;
  }

  /** Per process: CPU seconds used and the average number of cores busy over the interval. */
  Map<String, String> stop() {
    double wallSeconds = (System.nanoTime() - wallStart) / 1e9;
    Map<String, String> result = new LinkedHashMap<>();
    pids.forEach(
        (name, pid) -> {
          double cpuSeconds = (ProcessCpu.millis(pid) - startMillis.get(name)) / 1000.0;
          lastSeconds.put(name, cpuSeconds);
          result.put(
              name, "%.1f s CPU (%.2f cores)".formatted(cpuSeconds, cpuSeconds / wallSeconds));
        });
    return result;
  }

  /** CPU seconds per process measured by the last {@link #stop}. */
  Map<String, Double> lastSeconds() {
    return Map.copyOf(lastSeconds);
  }
}
