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
 * @param access how Kubeward acts for users here: {@code impersonate} (the cluster's RBAC decides)
 *     or {@code read-only} (Kubeward may not impersonate: only administrators change anything), and
 *     why (ADR 0013)
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
    String source,
    Access access) {

  /**
   * The access mode as shown: {@code impersonate} or {@code read-only}, the reason (English; the
   * server translates it by {@code code}), when checked, the reason's stable code ({@code
   * impersonating}, {@code impersonation-not-granted}, {@code not-checked}) and the rights Kubeward
   * lacks.
   */
  public record Access(
      String mode,
      String reason,
      @Nullable Instant checkedAt,
      String code,
      java.util.List<String> missing) {

    public Access withReason(String translated) {
      return new Access(mode, translated, checkedAt, code, missing);
    }
  }

  /** The same status with another access (e.g. its reason translated). */
  public ClusterStatus withAccess(Access other) {
    return new ClusterStatus(
        name,
        defaultCluster,
        reachable,
        state,
        since,
        kubernetesVersion,
        latencyMillis,
        apiReady,
        lastError,
        lastErrorAt,
        lastProbe,
        cacheSynced,
        source,
        other);
  }

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
        cluster.source().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
        accessOf(cluster.access()));
  }

  /** The access mode as shown. */
  static Access accessOf(io.kubeward.access.domain.ClusterAccess access) {
    return new Access(
        access.impersonates() ? "impersonate" : "read-only",
        access.reason(),
        access.checkedAt(),
        access.code(),
        access.missing());
  }
}
