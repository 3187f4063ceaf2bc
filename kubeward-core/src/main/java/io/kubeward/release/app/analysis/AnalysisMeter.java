package io.kubeward.release.app.analysis;

import io.kubeward.release.domain.AnalysisPhase;
import io.kubeward.release.domain.MeasurementPhase;

/** Port: Kubeward's own metrics of analyses ({@code kubeward.release.analysis.*}). */
public interface AnalysisMeter {

  /** One measurement taken; {@code provider} is {@code promql} or the signal's type. */
  void measured(String provider, MeasurementPhase phase);

  /** A run ended with this verdict. */
  void ended(AnalysisPhase phase);

  AnalysisMeter NONE =
      new AnalysisMeter() {
        @Override
        public void measured(String provider, MeasurementPhase phase) {}

        @Override
        public void ended(AnalysisPhase phase) {}
      };
}
