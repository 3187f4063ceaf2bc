package io.kubeward.cluster.domain;

/**
 * Compact projection of a Pod: only what the overview and (later) the pod lists need. {@code
 * nodeName} is {@code null} until scheduled; {@code problem} is {@code null} for a healthy pod.
 */
public record PodView(
    String namespace,
    String name,
    String uid,
    String nodeName,
    PodPhase phase,
    PodProblem problem,
    String resourceVersion)
    implements KubeObjectView {}
