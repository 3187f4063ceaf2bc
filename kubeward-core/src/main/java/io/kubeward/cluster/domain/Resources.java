package io.kubeward.cluster.domain;

/** An amount of the resources the overview sums: CPU in millicores, memory in bytes, pod slots. */
public record Resources(long cpuMillis, long memoryBytes, long pods) {

  public static final Resources ZERO = new Resources(0, 0, 0);

  public Resources plus(Resources other) {
    return new Resources(
        cpuMillis + other.cpuMillis, memoryBytes + other.memoryBytes, pods + other.pods);
  }
}
