package io.kubeward.release.domain;

/** Where an analysis (or one of its checks) stands. */
public enum AnalysisPhase {
  RUNNING,
  SUCCESSFUL,
  /** Failed: the Release aborts. Also the verdict when provider errors exceed their limit. */
  FAILED,
  /** Too many inconclusive measurements: the Release pauses for a person to decide. */
  INCONCLUSIVE;

  public boolean done() {
    return this != RUNNING;
  }
}
