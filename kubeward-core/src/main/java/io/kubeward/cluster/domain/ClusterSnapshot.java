package io.kubeward.cluster.domain;

import java.util.Collection;

/**
 * The cached views of one cluster at the moment of a query. The collections may be live, weakly
 * consistent views of the cache (no copy per request); consumers iterate them once and do not keep
 * them.
 */
public record ClusterSnapshot(
    Collection<NodeView> nodes,
    Collection<NamespaceView> namespaces,
    Collection<PodView> pods,
    Collection<DeploymentView> deployments,
    Collection<ServiceView> services) {}
