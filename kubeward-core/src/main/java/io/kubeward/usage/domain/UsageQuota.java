package io.kubeward.usage.domain;

import org.jspecify.annotations.Nullable;

/**
 * One resource of a ResourceQuota, as the quota's status counts it.
 *
 * @param name the ResourceQuota's name
 * @param resource the quota's resource ({@code requests.cpu}, {@code limits.memory}, {@code pods},
 *     {@code count/deployments.apps}, ...)
 * @param unit {@code millicores} (CPU), {@code bytes} (memory, storage) or {@code count}
 * @param usedPercent {@code used} in percent of {@code hard}, {@code null} for a hard limit of 0
 */
public record UsageQuota(
    String name,
    String resource,
    String unit,
    long used,
    long hard,
    @Nullable Double usedPercent) {}
