package io.kubeward.backup.app.restore;

import io.kubeward.backup.domain.RestoreOutcome;

/** What a restore would do with one archived object. Add, never rename. */
public enum PreviewVerdict {
  /** Does not exist: would be created. */
  CREATE(RestoreOutcome.CREATED),
  /** Exists: would be left alone (existing policy Skip). */
  EXISTS_SKIP(RestoreOutcome.SKIPPED),
  /** Exists: would be overwritten by server-side apply (existing policy Overwrite). */
  EXISTS_OVERWRITE(RestoreOutcome.UPDATED),
  /** Exists and differs in a way the apiserver refuses (immutable fields), or collides. */
  CONFLICT(RestoreOutcome.FAILED),
  /** Cannot be restored: missing CRD, namespace mapping gap, the caller lacks the right. */
  CANNOT_RESTORE(RestoreOutcome.FAILED),
  /** Never restored (Events, managed EndpointSlices, Kubeward's own Backups and Restores). */
  NOT_RESTORED(RestoreOutcome.SKIPPED);

  private final RestoreOutcome outcome;

  PreviewVerdict(RestoreOutcome outcome) {
    this.outcome = outcome;
  }

  /** The outcome the restore would record. */
  public RestoreOutcome outcome() {
    return outcome;
  }
}
