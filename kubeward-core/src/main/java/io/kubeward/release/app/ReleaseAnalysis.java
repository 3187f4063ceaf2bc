package io.kubeward.release.app;

import io.kubeward.release.domain.AnalysisCheck;
import io.kubeward.release.domain.AnalysisProgress;
import io.kubeward.release.domain.AnalysisSubject;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

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

  /**
   * As {@link #validate(List)}, the texts in the locale's language (English, or 简体中文 for any {@code
   * zh*}); added by the analysis part for the REST validation of Releases.
   */
  default List<String> validate(List<AnalysisCheck> checks, Locale locale) {
    return validate(checks);
  }

  /**
   * As {@link #advance} for a background analysis ({@code spec.analysis}): a check without a {@code
   * count} measures until the Release ends (count 0) instead of once. Added by the analysis part.
   */
  default AnalysisProgress advanceBackground(
      AnalysisSubject subject, List<AnalysisCheck> checks, AnalysisProgress previous, Instant now) {
    return advance(
        subject,
        checks.stream()
            .map(
                c ->
                    c == null || c.count() != null
                        ? c
                        : new AnalysisCheck(
                            c.name(),
                            c.interval(),
                            0,
                            c.failureLimit(),
                            c.inconclusiveLimit(),
                            c.consecutiveErrorLimit(),
                            c.initialDelay(),
                            c.promql(),
                            c.signal()))
            .toList(),
        previous,
        now);
  }
}
