package io.kubeward.cluster.domain;

/**
 * One (regular, not init) container of a pod with its own requests and limits: CPU in millicores,
 * memory in bytes, 0 where none is set. Requests default to the limits where only limits are set,
 * as Kubernetes does. Kept so that usage can be shown next to each container's requests and limits
 * (issue 12): the name is interned, the rest is four numbers.
 */
public record ContainerResources(
    String name, long cpuRequest, long memoryRequest, long cpuLimit, long memoryLimit) {}
