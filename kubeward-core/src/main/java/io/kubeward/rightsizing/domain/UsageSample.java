package io.kubeward.rightsizing.domain;

/**
 * One usage sample of a workload's container (the busiest pod's): epoch milliseconds, CPU
 * millicores and memory bytes ({@code null} where the sample had no value).
 */
public record UsageSample(long t, Double cpuMillis, Double memoryBytes) {}
