package io.kubeward.usage.domain;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A pod's usage, requests and limits, with its containers.
 *
 * @param timestamp when the metrics API measured it, {@code null} without a measurement
 * @param closestToMemoryLimit the container whose memory use is the largest part of its limit,
 *     {@code null} if no container has a limit and a measurement
 */
public record UsagePod(
    String namespace,
    String name,
    @Nullable String node,
    @Nullable Instant timestamp,
    UsageAmount cpu,
    UsageAmount memory,
    int restarts,
    List<UsageContainer> containers,
    @Nullable String closestToMemoryLimit) {}
