package io.kubeward.usage.domain;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A node's usage next to what its pods request and are limited to and what it may allocate.
 *
 * @param timestamp when the metrics API measured it, {@code null} without a measurement
 */
public record UsageNode(
    String name,
    boolean ready,
    @Nullable Instant timestamp,
    UsageAmount cpu,
    UsageAmount memory,
    UsagePodCount pods,
    UsageOvercommit overcommit) {}
