package io.kubeward.release.domain;

import io.kubeward.runtime.domain.EventReason;

/**
 * The stable reasons of a Release's conditions and Events (ADR 0035). Users, alerts and the console
 * rely on these names: add, never rename.
 */
public enum ReleaseReason implements EventReason {
  Valid,
  Invalid,
  RouterNotPresent,
  DeploymentNotFound,
  Started,
  StepStarted,
  WeightSet,
  HeaderRouteSet,
  Paused,
  Resumed,
  AnalysisRunning,
  AnalysisSuccessful,
  AnalysisFailed,
  AnalysisInconclusive,
  PromotionRequested,
  Promoting,
  Promoted,
  PreviewReady,
  ActiveSwitched,
  Aborted,
  Retried,
  ProgressDeadlineExceeded,
  StepFailed,
  Succeeded,
  /** {@code promql} checks without a valid approval stamp (ADR 0035); nothing is done. */
  PromqlNotApproved;

  /** Condition types. */
  public static final String ACCEPTED = "Accepted";

  public static final String PROGRESSING = "Progressing";
  public static final String HEALTHY = "Healthy";
  public static final String PAUSED = "Paused";
}
