package io.kubeward.release.domain;

/**
 * What a traffic router acts on for one Release: the objects of its namespace. {@code
 * stableDeployment} is the Deployment the Release points at, {@code canaryDeployment} the one the
 * Release created for the new version; {@code totalReplicas} the stable Deployment's replicas
 * before the Release started (what 100 % means).
 */
public record TrafficTarget(
    String namespace,
    String release,
    TrafficRouting routing,
    String stableService,
    String canaryService,
    String stableDeployment,
    String canaryDeployment,
    int totalReplicas) {}
