package io.kubeward.maintenance.domain;

/** The phase of a NodeMaintenance as its status shows it. */
public enum MaintenancePhase {
  Pending,
  WaitingForLock,
  Running,
  Paused,
  Cancelling,
  Cancelled,
  Succeeded,
  Failed;

  public boolean finished() {
    return this == Cancelled || this == Succeeded || this == Failed;
  }
}
