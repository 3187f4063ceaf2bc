package io.kubeward.release.app;

import io.kubeward.release.domain.AnalysisCheck;
import io.kubeward.release.domain.AnalysisProgress;
import io.kubeward.release.domain.AnalysisSubject;
import java.time.Instant;
import java.util.List;

/**
 * Port: the analysis part. The Release controller calls {@link #advance} on each reconcile of a
 * running analysis (and again at {@link AnalysisProgress#nextAt()}), stores the answer in the
 * Release's status and aborts when its phase is FAILED, pauses when INCONCLUSIVE.
 */
public interface ReleaseAnalysis {

  /**
   * Takes the measurements that are due at {@code now} and judges: returns {@code previous}
   * advanced (the same object when nothing was due). Never throws: a provider failure is an ERROR
   * measurement, and more consecutive errors than the check's limit fail the analysis.
   */
  AnalysisProgress advance(
      AnalysisSubject subject, List<AnalysisCheck> checks, AnalysisProgress previous, Instant now);

  /** Problems of the checks (names, conditions, durations, bounds), empty when valid. */
  List<String> validate(List<AnalysisCheck> checks);
}
