package io.kubeward.maintenance.domain;

import java.time.Instant;

/** A status condition (Kubernetes shape) with a stable {@link MaintenanceReason} name. */
public record MaintenanceCondition(
    String type, String status, String reason, String message, Instant lastTransitionTime) {

  public static final String PROGRESSING = "Progressing";
  public static final String COMPLETED = "Completed";
}
