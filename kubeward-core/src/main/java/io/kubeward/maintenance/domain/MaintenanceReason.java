package io.kubeward.maintenance.domain;

/** Stable reasons of conditions and Kubernetes Events of a NodeMaintenance. */
public enum MaintenanceReason {
  Started,
  WaitingForLock,
  LockAcquired,
  WaitingForWindow,
  Blocked,
  Paused,
  Resumed,
  NodeCordoned,
  NodeDraining,
  DrainBlocked,
  NodeDrained,
  NodeReady,
  NodeUncordoned,
  NodeDone,
  NodeFailed,
  Cancelling,
  Cancelled,
  Succeeded,
  Failed,
  /**
   * The spec breaks a rule of {@code MaintenanceValidation} (e.g. a duration beyond its maximum).
   */
  InvalidSpec
}
