package io.kubeward.release.domain;

/** {@code status.phase} of a Release. */
public enum ReleasePhase {
  Pending,
  Progressing,
  Paused,
  Promoting,
  Succeeded,
  Aborted,
  Degraded;

  /** Nothing more happens until a retry (or a new Release). */
  public boolean finished() {
    return this == Succeeded || this == Aborted || this == Degraded;
  }
}
