package io.kubeward.runtime.domain;

import java.time.Instant;

/**
 * A status condition in the Kubernetes shape ({@code metav1.Condition}).
 *
 * @param status {@code True}, {@code False} or {@code Unknown}
 * @param reason a stable {@link EventReason} name
 * @param lastTransitionTime when {@code status} last changed
 * @param observedGeneration the object's generation the condition was computed for
 */
public record Condition(
    String type,
    String status,
    String reason,
    String message,
    Instant lastTransitionTime,
    Long observedGeneration) {

  public boolean isTrue() {
    return "True".equals(status);
  }
}
