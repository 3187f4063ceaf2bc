package io.kubeward.hpa.domain;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a user asks for when creating or editing an HPA (autoscaling/v2). {@code resourceVersion} is
 * the version the edit was based on (required for an edit: a stale one is a conflict).
 */
public record HpaSpec(
    String namespace,
    String name,
    String targetKind,
    String targetName,
    @Nullable Integer minReplicas,
    @Nullable Integer maxReplicas,
    @Nullable List<HpaMetric> metrics,
    @Nullable HpaBehavior behavior,
    @Nullable String resourceVersion) {

  public List<HpaMetric> metricsOrEmpty() {
    return metrics == null ? List.of() : metrics;
  }
}
