package io.kubeward.alert.domain;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of delivering one notification to its channel after all attempts: delivered or not,
 * how many attempts were made, how long the last one took and, when not delivered, why.
 */
public record Delivery(boolean delivered, int attempts, Duration latency, @Nullable String error) {}
