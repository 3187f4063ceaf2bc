package io.kubeward.backup.domain.restore;

import io.kubeward.runtime.domain.EventReason;

/**
 * The stable reasons of a Restore's conditions and Events (ADR 0042). Users, alerts and the console
 * rely on these names: add, never rename.
 */
public enum RestoreReason implements EventReason {
  /** The spec is invalid; nothing is done until it changes. */
  Invalid,
  /** No valid {@code kubeward.io/acting-as} stamp (ADR 0040): nothing is done. */
  NotAttributed,
  /** The Backup named by the source does not exist, or has no archive (yet). */
  SourceNotFound,
  /** The archive failed its checksums (or could not be read): nothing restored. */
  ArchiveCorrupted,
  /** The archive is being verified. */
  Verifying,
  /** Objects are being restored. */
  Restoring,
  /** A restored CRD did not become Established before its deadline. */
  CrdNotEstablished,
  /** Every selected object restored or skipped. */
  Completed,
  /** Done, some objects failed (see the results). */
  PartiallyFailed,
  /** Nothing could be restored (see the message). */
  Failed;

  /** Condition types. */
  public static final String READY = "Ready";

  public static final String SUCCEEDED = "Succeeded";
}
