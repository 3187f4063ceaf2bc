package io.kubeward.hpa.domain;

import org.jspecify.annotations.Nullable;

/**
 * One metric of an HPA. {@code type}: Resource, ContainerResource, Pods, Object or External. {@code
 * name}: the resource (cpu, memory) or the metric's name; {@code container} for ContainerResource;
 * {@code targetType}: Utilization, AverageValue or Value; {@code averageUtilization} (percent) for
 * Utilization, {@code value} (a quantity) for the others; {@code objectKind}/{@code
 * objectName}/{@code objectApiVersion} for Object metrics.
 */
public record HpaMetric(
    String type,
    @Nullable String name,
    @Nullable String container,
    String targetType,
    @Nullable Integer averageUtilization,
    @Nullable String value,
    @Nullable String objectApiVersion,
    @Nullable String objectKind,
    @Nullable String objectName) {

  public static HpaMetric cpuUtilization(int percent) {
    return new HpaMetric("Resource", "cpu", null, "Utilization", percent, null, null, null, null);
  }
}
