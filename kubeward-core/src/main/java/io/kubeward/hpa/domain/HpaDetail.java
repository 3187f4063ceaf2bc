package io.kubeward.hpa.domain;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One HPA as the console shows it: the spec (also the edit form's starting point, with the
 * resourceVersion to send back), replicas, every metric's current vs target, conditions, behavior,
 * the scaling events and the replica history they tell.
 */
public record HpaDetail(
    String cluster,
    HpaSpec spec,
    int currentReplicas,
    int desiredReplicas,
    @Nullable String lastScaleTime,
    List<MetricValue> metrics,
    List<Condition> conditions,
    List<HpaEvent> events,
    List<ReplicaPoint> history,
    List<HpaWarning> warnings) {

  /**
   * A metric's current vs target, formatted ({@code 45%}, {@code 250m}) with {@code ratio} =
   * current/target when both are numbers (for a bar), else {@code null}.
   */
  public record MetricValue(
      String type,
      String name,
      String targetType,
      String target,
      @Nullable String current,
      @Nullable Double ratio) {}

  public record Condition(
      String type,
      String status,
      @Nullable String reason,
      @Nullable String message,
      @Nullable String lastTransitionTime) {}

  /** An Event of the HPA (SuccessfulRescale, FailedGetResourceMetric, ...). */
  public record HpaEvent(
      String type, String reason, String message, int count, @Nullable String lastSeen) {}

  /** The replica count the HPA set at a time (from its SuccessfulRescale events). */
  public record ReplicaPoint(String time, int replicas) {}
}
