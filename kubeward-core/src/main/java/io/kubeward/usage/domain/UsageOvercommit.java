package io.kubeward.usage.domain;

import org.jspecify.annotations.Nullable;

/**
 * Over-commit ratios of a node: the limits of its pods divided by its allocatable ({@code 1.5}: the
 * pods may use 150 % of what the node has), {@code null} where the node allocates nothing.
 */
public record UsageOvercommit(@Nullable Double cpu, @Nullable Double memory) {}
