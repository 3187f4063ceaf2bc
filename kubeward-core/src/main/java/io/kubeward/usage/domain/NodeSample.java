package io.kubeward.usage.domain;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One node's usage from the metrics API: CPU in nanocores, memory (working set) in bytes. */
public record NodeSample(
    String name,
    @Nullable Instant timestamp,
    @Nullable Duration window,
    long cpuNanos,
    long memoryBytes) {

  /** CPU in millicores, rounded up as {@code kubectl top} does. */
  public long cpuMillis() {
    return Units.millisOfNanos(cpuNanos);
  }
}
