package io.kubeward.cluster.domain;

import java.time.Instant;

/**
 * A node condition as the cache keeps it. {@code since} is the condition's {@code
 * lastTransitionTime}; the heartbeat time is left out on purpose, so that a heartbeat is no change
 * of the view.
 */
public record NodeConditionView(
    String type, String status, String reason, String message, Instant since) {}
