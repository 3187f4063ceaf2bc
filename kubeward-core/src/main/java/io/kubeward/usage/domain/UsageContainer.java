package io.kubeward.usage.domain;

import org.jspecify.annotations.Nullable;

/**
 * A container's usage next to its own requests and limits.
 *
 * @param memoryLimitRatio memory used divided by the memory limit ({@code 0.93}: 93 % of the limit,
 *     an OOM kill is near), {@code null} without a limit or a measurement
 */
public record UsageContainer(
    String name, UsageAmount cpu, UsageAmount memory, @Nullable Double memoryLimitRatio) {}
