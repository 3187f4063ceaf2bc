package io.kubeward.tenancy.domain;

import org.jspecify.annotations.Nullable;

/**
 * One thing a proposed quota or limit range would refuse, in words.
 *
 * @param workload the workload ({@code Deployment/web}, or {@code Pod/x} for a bare pod); {@code
 *     null} for the namespace as a whole (quota already exceeded)
 * @param rule a stable name: {@code quota-exceeded}, {@code quota-pod-too-large}, {@code
 *     quota-missing-request}, {@code below-min}, {@code above-max}, {@code missing-request}, {@code
 *     missing-limit}, {@code ratio}
 */
public record Violation(
    @Nullable String workload,
    @Nullable String pod,
    @Nullable String container,
    String resource,
    String rule,
    String en,
    String zh) {}
