package io.kubeward.rightsizing.app;

import io.kubeward.rightsizing.domain.ContainerRequests;
import java.time.Instant;

/**
 * One applied right-sizing: which container, its requests (and limits) before and after, who
 * applied it and when, and, once reverted, who reverted it and when.
 */
public record RightsizingChange(
    long id,
    String cluster,
    String namespace,
    String workloadKind,
    String workload,
    String container,
    ContainerRequests before,
    ContainerRequests after,
    String appliedBy,
    Instant appliedAt,
    String revertedBy,
    Instant revertedAt) {

  public boolean reverted() {
    return revertedAt != null;
  }
}
