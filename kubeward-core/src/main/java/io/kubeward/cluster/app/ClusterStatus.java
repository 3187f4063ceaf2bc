package io.kubeward.cluster.app;

import io.kubeward.cluster.domain.Reachability;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * How one cluster is doing, as listed by the API and the health endpoint.
 *
 * @param reachable whether the last probe reached the API
 * @param state {@code REACHABLE}, {@code UNREACHABLE} or {@code UNKNOWN} (not probed yet)
 * @param since when the cluster entered {@code state}
 * @param latencyMillis round trip of the last successful {@code GET /version}
 * @param apiReady whether {@code /readyz} answered 200 in the last successful probe
 * @param cacheSynced whether the shared cache has completed its first list
 * @param source where the connection comes from: {@code kubeconfig}, {@code in-cluster} or {@code
 *     added} (at runtime)
 */
public record ClusterStatus(
    String name,
    boolean defaultCluster,
    boolean reachable,
    Reachability.State state,
    Instant since,
    @Nullable String kubernetesVersion,
    @Nullable Long latencyMillis,
    boolean apiReady,
    @Nullable String lastError,
    @Nullable Instant lastErrorAt,
    @Nullable Instant lastProbe,
    boolean cacheSynced,
    String source) {

  static ClusterStatus of(ManagedCluster cluster, boolean isDefault) {
    Reachability r = cluster.reachability();
    return new ClusterStatus(
        cluster.name(),
        isDefault,
        r.reachable(),
        r.state(),
        r.since(),
        r.kubernetesVersion(),
        r.latency() == null ? null : r.latency().toMillis(),
        r.apiReady(),
        r.lastError(),
        r.lastErrorAt(),
        r.lastProbe(),
        cluster.cacheSynced(),
        cluster.source().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
  }
}
