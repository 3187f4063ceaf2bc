package io.kubeward.server.release.analysis;

import io.kubeward.release.app.analysis.AnalysisMeter;
import io.kubeward.release.domain.AnalysisPhase;
import io.kubeward.release.domain.MeasurementPhase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;

/**
 * Kubeward's own metrics of Release analyses: {@code kubeward.release.analysis.measurements} (tags
 * {@code provider} = {@code promql} or the signal type, {@code phase}) and {@code
 * kubeward.release.analysis.runs} (tag {@code phase}: how runs ended).
 */
final class ReleaseAnalysisMeters implements AnalysisMeter {

  private final MeterRegistry registry;

  ReleaseAnalysisMeters(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void measured(String provider, MeasurementPhase phase) {
    Counter.builder("kubeward.release.analysis.measurements")
        .description("Measurements taken by Release analyses, by provider and outcome")
        .tag("provider", provider)
        .tag("phase", phase.name().toLowerCase(Locale.ROOT))
        .register(registry)
        .increment();
  }

  @Override
  public void ended(AnalysisPhase phase) {
    Counter.builder("kubeward.release.analysis.runs")
        .description("Release analyses that ended, by verdict")
        .tag("phase", phase.name().toLowerCase(Locale.ROOT))
        .register(registry)
        .increment();
  }
}
