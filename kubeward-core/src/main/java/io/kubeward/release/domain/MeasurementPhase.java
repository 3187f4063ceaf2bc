package io.kubeward.release.domain;

/** The outcome of one measurement of a check. ERROR: the provider could not answer. */
public enum MeasurementPhase {
  SUCCESSFUL,
  FAILED,
  INCONCLUSIVE,
  ERROR
}
