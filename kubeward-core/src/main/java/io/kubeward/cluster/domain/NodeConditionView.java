package io.kubeward.cluster.domain;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A node condition as the cache keeps it. {@code since} is the condition's {@code
 * lastTransitionTime}; the heartbeat time is left out on purpose, so that a heartbeat is no change
 * of the view.
 */
public record NodeConditionView(
    String type,
    String status,
    @Nullable String reason,
    @Nullable String message,
    @Nullable Instant since) {}
