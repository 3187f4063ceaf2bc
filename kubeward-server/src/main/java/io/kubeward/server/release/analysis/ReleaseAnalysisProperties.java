package io.kubeward.server.release.analysis;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The analysis of Releases ({@code kubeward.release.analysis.*}, ADR 0037); validated when bound.
 *
 * @param readinessGrace how long a new pod may take to become ready before the {@code
 *     readinessFailures} signal counts it (0 … 1h)
 * @param maxPodsInQuery at most this many pod names in a {@code {{canaryPods}}} or {@code
 *     {{stablePods}}} regex (1 … 2000); more makes the measurement an error
 */
@ConfigurationProperties("kubeward.release.analysis")
public record ReleaseAnalysisProperties(
    @DefaultValue("30s") Duration readinessGrace, @DefaultValue("500") int maxPodsInQuery) {

  public ReleaseAnalysisProperties {
    if (readinessGrace == null
        || readinessGrace.isNegative()
        || readinessGrace.compareTo(Duration.ofHours(1)) > 0) {
      throw new IllegalArgumentException(
          "kubeward.release.analysis.readiness-grace must lie between 0s and 1h, is "
              + readinessGrace);
    }
    if (maxPodsInQuery < 1 || maxPodsInQuery > 2_000) {
      throw new IllegalArgumentException(
          "kubeward.release.analysis.max-pods-in-query must lie between 1 and 2000, is "
              + maxPodsInQuery);
    }
  }
}
