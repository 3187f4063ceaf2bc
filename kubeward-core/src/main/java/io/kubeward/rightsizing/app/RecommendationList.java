package io.kubeward.rightsizing.app;

import io.kubeward.rightsizing.domain.Recommendation;
import java.time.Instant;
import java.util.List;

/**
 * The recommendations of the containers a caller sees, the largest waste or risk first.
 *
 * @param source where the usage came from ({@code prometheus}, {@code built-in}, {@code none})
 * @param truncated whether more containers exist than were computed
 */
public record RecommendationList(
    String cluster,
    String source,
    Instant windowStart,
    Instant windowEnd,
    double cpuPercentile,
    double memoryPercentile,
    double cpuMargin,
    double memoryMargin,
    List<Recommendation> items,
    boolean truncated) {

  public RecommendationList {
    items = List.copyOf(items);
  }
}
