package io.kubeward.rightsizing.domain;

import java.time.Instant;

/**
 * A container's recommended requests, with what they come from and what changing would save.
 *
 * @param cpuUsage the CPU percentile observed (millicores), NaN without samples
 * @param memoryUsage the memory percentile observed (bytes), NaN without samples
 * @param cpuRecommended recommended CPU request (millicores, rounded, at least the floor)
 * @param memoryRecommended recommended memory request (bytes, rounded, at least the floor)
 * @param samples how many samples the window held
 * @param coverage the share of the window between the first and the last sample (0..1)
 * @param wastedCpu (current − recommended) × replicas in millicores; negative: requested too little
 * @param wastedMemory the same for memory in bytes
 * @param score the ranking weight: |wasted CPU| in cores + |wasted memory| in GiB / 4
 */
public record Recommendation(
    ContainerFacts current,
    double cpuUsage,
    double memoryUsage,
    long cpuRecommended,
    long memoryRecommended,
    int samples,
    double coverage,
    Instant windowStart,
    Instant windowEnd,
    Confidence confidence,
    Verdict verdict,
    long wastedCpu,
    long wastedMemory,
    double score) {}
