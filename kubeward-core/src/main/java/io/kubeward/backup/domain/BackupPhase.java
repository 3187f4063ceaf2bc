package io.kubeward.backup.domain;

/** Where a Backup is. Add, never rename: users and alerts match these names. */
public enum BackupPhase {
  /** Not started (or refused: see its conditions). */
  New,
  /** Collecting objects into the archive. */
  InProgress,
  /** Every object in scope is in the archive. */
  Completed,
  /** The archive is complete, but some objects or kinds could not be read (see failures). */
  PartiallyFailed,
  /** No archive: the collection or the upload failed (see the Ready condition). */
  Failed;

  public boolean finished() {
    return this == Completed || this == PartiallyFailed || this == Failed;
  }
}
