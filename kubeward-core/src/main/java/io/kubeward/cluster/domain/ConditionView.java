package io.kubeward.cluster.domain;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A status condition of a workload or autoscaler as the cache keeps it: type, status, reason,
 * message and {@code lastTransitionTime} ({@code since}). {@code lastUpdateTime} and heartbeats are
 * left out on purpose, so that a refresh of a condition that did not flip is no change of the view.
 */
public record ConditionView(
    String type,
    String status,
    @Nullable String reason,
    @Nullable String message,
    @Nullable Instant since) {

  /** Whether the condition's status is {@code True}. */
  public boolean isTrue() {
    return "True".equals(status);
  }

  /** Whether the condition's status is {@code False}. */
  public boolean isFalse() {
    return "False".equals(status);
  }
}
