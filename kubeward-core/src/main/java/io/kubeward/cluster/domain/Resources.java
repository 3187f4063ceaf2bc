package io.kubeward.cluster.domain;

/**
 * An amount of the resources the overview sums: CPU in millicores, memory in bytes, pod slots (for
 * a pod's requests: 1) and ephemeral storage in bytes.
 */
public record Resources(long cpuMillis, long memoryBytes, long pods, long ephemeralStorageBytes) {

  public static final Resources ZERO = new Resources(0, 0, 0, 0);

  /** Without ephemeral storage. */
  public Resources(long cpuMillis, long memoryBytes, long pods) {
    this(cpuMillis, memoryBytes, pods, 0);
  }

  public Resources plus(Resources other) {
    return new Resources(
        cpuMillis + other.cpuMillis,
        memoryBytes + other.memoryBytes,
        pods + other.pods,
        ephemeralStorageBytes + other.ephemeralStorageBytes);
  }

  /** Component-wise maximum (init containers run one at a time, before the others). */
  public Resources max(Resources other) {
    return new Resources(
        Math.max(cpuMillis, other.cpuMillis),
        Math.max(memoryBytes, other.memoryBytes),
        Math.max(pods, other.pods),
        Math.max(ephemeralStorageBytes, other.ephemeralStorageBytes));
  }
}
