package io.kubeward.rightsizing.domain;

/**
 * A container's requests and limits as written in a pod template: CPU millicores, memory bytes,
 * {@code null} where the field is absent (distinct from an explicit zero).
 */
public record ContainerRequests(
    Long cpuRequest, Long memoryRequest, Long cpuLimit, Long memoryLimit) {

  /** The requests of both, compared exactly (the limits are not part of a change). */
  public boolean sameRequests(ContainerRequests other) {
    return java.util.Objects.equals(cpuRequest, other.cpuRequest)
        && java.util.Objects.equals(memoryRequest, other.memoryRequest);
  }
}
