package io.kubeward.drain.domain;

/** Where a drain is. {@link #TIMED_OUT} and {@link #REFUSED} are final and keep the cordon. */
public enum DrainState {
  /** Pods are being evicted or waited for. */
  RUNNING,
  /** Every pod is gone or skipped (final). */
  SUCCEEDED,
  /**
   * Still running, but a disruption budget has blocked a pod longer than {@code
   * blockedReportAfter}; the drain keeps trying until its timeout.
   */
  BLOCKED,
  /** The timeout passed before every pod was gone (final; the node stays cordoned). */
  TIMED_OUT,
  /** Pods need {@code force} or {@code deleteEmptyDirData}; nothing was evicted (final). */
  REFUSED;

  public boolean isFinal() {
    return this == SUCCEEDED || this == TIMED_OUT || this == REFUSED;
  }
}
