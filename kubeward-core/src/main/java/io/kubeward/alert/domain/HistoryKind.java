package io.kubeward.alert.domain;

/** What a history entry records. */
public enum HistoryKind {
  /** An alert started firing. */
  FIRING,
  /** A firing alert resolved. */
  RESOLVED,
  /** An alert was held back by a silence (once per silence and alert). */
  SILENCED,
  /** An alert was held back by an inhibition rule (once per firing). */
  INHIBITED,
  /** An alert was held back by a mute timing or a maintenance window (once per firing). */
  MUTED,
  /** A silence was created, changed or expired (no fingerprint). */
  SILENCE,
  /** One attempt to deliver a notification to a channel. */
  NOTIFICATION
}
