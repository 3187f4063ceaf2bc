package io.kubeward.rightsizing.domain;

/**
 * One container of a workload as it runs now: its replicas and its current requests and limits (CPU
 * millicores, memory bytes; 0 where none is set).
 */
public record ContainerFacts(
    String namespace,
    String workloadKind,
    String workload,
    String container,
    int replicas,
    long cpuRequest,
    long memoryRequest,
    long cpuLimit,
    long memoryLimit) {}
