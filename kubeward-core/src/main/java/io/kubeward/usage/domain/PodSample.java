package io.kubeward.usage.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One pod's usage from the metrics API: when it was measured ({@code timestamp}, the end of the
 * {@code window} the rates are averaged over) and its containers' usage.
 */
public record PodSample(
    String namespace,
    String name,
    @Nullable Instant timestamp,
    @Nullable Duration window,
    List<ContainerSample> containers) {

  public PodSample {
    containers = List.copyOf(containers);
  }

  /** CPU of all containers in nanocores. */
  public long cpuNanos() {
    long sum = 0;
    for (ContainerSample container : containers) {
      sum += container.cpuNanos();
    }
    return sum;
  }

  /** CPU of all containers in millicores, the exact sum rounded up (as {@code kubectl top}). */
  public long cpuMillis() {
    return Units.millisOfNanos(cpuNanos());
  }

  public long memoryBytes() {
    long sum = 0;
    for (ContainerSample container : containers) {
      sum += container.memoryBytes();
    }
    return sum;
  }

  /** The sample of one container, or {@code null}. */
  public @Nullable ContainerSample container(String containerName) {
    for (ContainerSample container : containers) {
      if (container.name().equals(containerName)) {
        return container;
      }
    }
    return null;
  }
}
