package io.kubeward.usage.domain;

/**
 * One container's usage as the metrics API reports it: CPU in nanocores (metrics-server's unit,
 * kept so that sums round like {@code kubectl top}), memory (working set) in bytes.
 */
public record ContainerSample(String name, long cpuNanos, long memoryBytes) {

  /** CPU in millicores, rounded up as {@code kubectl top} does ({@code MilliValue}). */
  public long cpuMillis() {
    return Units.millisOfNanos(cpuNanos);
  }
}
