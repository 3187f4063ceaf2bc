package io.kubeward.maintenance.domain;

/** Where one node of a maintenance is; recorded in status before the step starts. */
public enum NodeStep {
  Pending,
  WaitingForWindow,
  Cordoning,
  Draining,
  Action,
  WaitingForReady,
  Uncordoning,
  Done,
  Failed,
  Skipped;

  /** Steps between Cordoning and Uncordoning: the node counts against the concurrency. */
  public boolean active() {
    return this == Cordoning
        || this == Draining
        || this == Action
        || this == WaitingForReady
        || this == Uncordoning;
  }

  public boolean notStarted() {
    return this == Pending || this == WaitingForWindow;
  }

  public boolean finished() {
    return this == Done || this == Failed || this == Skipped;
  }
}
