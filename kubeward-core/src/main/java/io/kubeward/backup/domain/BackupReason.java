package io.kubeward.backup.domain;

import io.kubeward.runtime.domain.EventReason;

/**
 * Stable reasons of the Backup and BackupSchedule conditions and Events (ADR 0041). Add, never
 * rename.
 */
public enum BackupReason implements EventReason {
  /** No valid {@code kubeward.io/acting-as} stamp: nothing is done on anyone's behalf. */
  NotAttributed,
  /** The spec is invalid (the message says why). */
  Invalid,
  /** Collection started (again after a restart). */
  Started,
  /** Every object is in the archive. */
  Completed,
  /** The archive is written, with failures per object or kind. */
  PartiallyFailed,
  /** No archive was written. */
  Failed,
  /** The storage location does not exist or cannot be written. */
  LocationUnavailable,
  /** The TTL passed: the Backup is deleted. */
  Expired,
  /** The archive's files were deleted with the Backup. */
  ArchiveDeleted,
  /** The archive's files could not be deleted (retried). */
  ArchiveDeleteFailed,
  /** A schedule created a Backup. */
  BackupCreated,
  /** A schedule deleted one of its Backups by retention. */
  BackupPruned,
  /** A schedule is suspended. */
  Suspended,
  /** A schedule is active and waits for its next time. */
  Scheduled;

  /** The condition types. */
  public static final String READY = "Ready";
}
