package io.kubeward.hpa.app;

import org.jspecify.annotations.Nullable;

/**
 * One HPA in the list (from the shared cache): target, bounds, replicas, and the condition that
 * needs attention ({@code AbleToScale}/{@code ScalingActive} false, {@code ScalingLimited} true).
 */
public record HpaSummary(
    String namespace,
    String name,
    @Nullable String target,
    int minReplicas,
    int maxReplicas,
    int currentReplicas,
    int desiredReplicas,
    String status,
    @Nullable String attention,
    @Nullable String attentionReason) {}
