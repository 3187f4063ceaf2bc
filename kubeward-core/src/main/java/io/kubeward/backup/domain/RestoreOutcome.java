package io.kubeward.backup.domain;

/** What a restore did, or would do (preview), with one object. Add, never rename. */
public enum RestoreOutcome {
  /** Did not exist; created (preview: would be). */
  CREATED,
  /** Existed; overwritten by server-side apply (preview: would be). */
  UPDATED,
  /** Existed and left alone (the default for existing objects), or filtered out. */
  SKIPPED,
  /** Could not be restored; the result says why. */
  FAILED
}
