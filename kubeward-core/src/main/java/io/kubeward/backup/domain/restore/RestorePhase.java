package io.kubeward.backup.domain.restore;

/** Where a Restore is. Add, never rename. */
public enum RestorePhase {
  Pending,
  Verifying,
  Restoring,
  Completed,
  PartiallyFailed,
  Failed;

  /** Whether the restore is over (nothing more will be done). */
  public boolean finished() {
    return this == Completed || this == PartiallyFailed || this == Failed;
  }
}
