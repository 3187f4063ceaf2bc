package io.kubeward.maintenance.domain;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A status condition (Kubernetes shape) with a stable {@link MaintenanceReason} name. */
public record MaintenanceCondition(
    String type,
    String status,
    @Nullable String reason,
    @Nullable String message,
    @Nullable Instant lastTransitionTime) {

  public static final String PROGRESSING = "Progressing";
  public static final String COMPLETED = "Completed";
}
