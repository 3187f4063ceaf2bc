package io.kubeward.usage.domain;

import org.jspecify.annotations.Nullable;

/**
 * Pods holding node resources, and how many the nodes may hold ({@code null} for a caller who may
 * not list nodes).
 */
public record UsagePodCount(int count, @Nullable Long allocatable) {}
