package io.kubeward.hpa.domain;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A VerticalPodAutoscaler (autoscaling.k8s.io): its target, update mode and the recommendation per
 * container (resource name → quantity for target, lower and upper bound).
 */
public record VpaView(
    String namespace,
    String name,
    @Nullable String targetKind,
    @Nullable String targetName,
    String updateMode,
    List<ContainerRecommendation> recommendations) {

  public record ContainerRecommendation(
      String container,
      Map<String, String> target,
      Map<String, String> lowerBound,
      Map<String, String> upperBound,
      Map<String, String> uncappedTarget) {}
}
