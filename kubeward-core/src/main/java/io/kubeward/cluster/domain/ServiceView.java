package io.kubeward.cluster.domain;

/** Compact projection of a Service. */
public record ServiceView(
    String namespace, String name, String uid, String type, String resourceVersion)
    implements KubeObjectView {}
