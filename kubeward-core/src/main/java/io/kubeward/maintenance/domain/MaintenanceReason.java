package io.kubeward.maintenance.domain;

import io.kubeward.runtime.domain.EventReason;

/** Stable reasons of conditions and Kubernetes Events of a NodeMaintenance. */
public enum MaintenanceReason implements EventReason {
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
  /** Deleted: the finalizer's clean-up ran (Events on the nodes say what it did). */
  Deleted,
  /** On deletion, a node stays unschedulable on purpose (failed, or spec.uncordon false). */
  NodeLeftCordoned,
  /** On deletion, a finished action Job was deleted. */
  JobDeleted,
  /** On deletion, a running action Job was left to finish (it deletes itself after). */
  JobLeftRunning,
  /**
   * The spec breaks a rule of {@code MaintenanceValidation} (e.g. a duration beyond its maximum).
   */
  InvalidSpec
}
