package io.kubeward.runtime.domain;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

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
    @Nullable String reason,
    @Nullable String message,
    @Nullable Instant lastTransitionTime,
    @Nullable Long observedGeneration) {

  /** Whether the condition's status is {@code True}. */
  public boolean holds() {
    return "True".equals(status);
  }
}
