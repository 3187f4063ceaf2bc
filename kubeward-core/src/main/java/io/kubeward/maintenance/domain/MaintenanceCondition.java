package io.kubeward.maintenance.domain;

/**
 * The condition types of a NodeMaintenance; conditions themselves are the runtime's {@link
 * io.kubeward.runtime.domain.Condition} with a {@link MaintenanceReason} name.
 */
public final class MaintenanceCondition {

  public static final String PROGRESSING = "Progressing";
  public static final String COMPLETED = "Completed";

  private MaintenanceCondition() {}
}
