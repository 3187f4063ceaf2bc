package io.kubeward.release.domain;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Progress of one check, kept in the Release's status so that a restarted controller continues the
 * count: totals, consecutive errors, when the next measurement is due and the latest measurements
 * (at most 10).
 */
public record CheckProgress(
    String name,
    AnalysisPhase phase,
    int successful,
    int failed,
    int inconclusive,
    int errors,
    int consecutiveErrors,
    @Nullable Instant nextAt,
    List<Measurement> recent) {

  public CheckProgress {
    recent = recent == null ? List.of() : List.copyOf(recent);
  }
}
