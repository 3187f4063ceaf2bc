package io.kubeward.release.domain;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An analysis run as recorded in the Release's status ({@code status.analysis}): when it started,
 * the verdict so far, a stable reason and a message when it ended, and each check's progress.
 */
public record AnalysisProgress(
    Instant startedAt,
    AnalysisPhase phase,
    @Nullable String reason,
    @Nullable String message,
    List<CheckProgress> checks) {

  public AnalysisProgress {
    checks = checks == null ? List.of() : List.copyOf(checks);
  }

  /** A run that has not measured anything yet. */
  public static AnalysisProgress start(Instant now) {
    return new AnalysisProgress(now, AnalysisPhase.RUNNING, null, null, List.of());
  }

  /** When the next measurement of a running check is due, or {@code null} when none is. */
  public @Nullable Instant nextAt() {
    return checks.stream()
        .filter(check -> !check.phase().done())
        .map(CheckProgress::nextAt)
        .filter(Objects::nonNull)
        .min(Comparator.naturalOrder())
        .orElse(null);
  }
}
