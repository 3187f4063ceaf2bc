package io.kubeward.release.app.analysis;

import java.time.Duration;

/**
 * Settings of the analysis part ({@code kubeward.release.analysis.*}).
 *
 * @param readinessGrace how long a new pod may take to become ready before it counts as a readiness
 *     failure (0 … 1 h)
 * @param maxPodsInQuery at most this many pod names in a {@code {{canaryPods}}}/{@code
 *     {{stablePods}}} regex (1 … 2000); more is an error measurement
 */
public record AnalysisSettings(Duration readinessGrace, int maxPodsInQuery) {

  public static final AnalysisSettings DEFAULTS = new AnalysisSettings(Duration.ofSeconds(30), 500);

  public AnalysisSettings {
    if (readinessGrace == null
        || readinessGrace.isNegative()
        || readinessGrace.compareTo(Duration.ofHours(1)) > 0) {
      throw new IllegalArgumentException("readinessGrace must be within 0 … 1h: " + readinessGrace);
    }
    if (maxPodsInQuery < 1 || maxPodsInQuery > 2_000) {
      throw new IllegalArgumentException(
          "maxPodsInQuery must be within 1 … 2000: " + maxPodsInQuery);
    }
  }
}
