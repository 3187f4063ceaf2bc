package io.kubeward.alert.app.engine;

import io.kubeward.access.app.Authorizer;
import io.kubeward.access.app.Caller;
import io.kubeward.access.domain.AccessPolicy;
import io.kubeward.access.domain.NamespaceVisibility;
import io.kubeward.access.domain.Verb;
import io.kubeward.alert.domain.Alert;
import io.kubeward.alert.domain.AlertLabels;
import io.kubeward.cluster.app.ClusterReads;
import io.kubeward.cluster.app.ClusterRegistry;
import io.kubeward.cluster.app.ManagedCluster;
import io.kubeward.cluster.domain.CachedKind;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Which alerts one caller may see (ADR 0031), each question asked once per request: an alert with a
 * {@code namespace} label to callers who may list its {@code kind} (else pods) in that namespace;
 * other alerts of a cluster to callers who may list the cluster's nodes; site alerts (about
 * reaching a cluster) to administrators and to callers with a grant on that cluster. Administrators
 * see every alert. A question the cluster cannot answer (unreachable) hides the alert.
 */
final class AlertVisibility {

  private static final Map<String, CachedKind> BY_KIND = new HashMap<>();

  static {
    for (CachedKind kind : CachedKind.values()) {
      BY_KIND.putIfAbsent(kind.kind(), kind);
    }
  }

  private final Caller caller;
  private final ClusterRegistry clusters;
  private final ClusterReads reads;
  private final boolean admin;
  private final Map<String, NamespaceVisibility> answers = new HashMap<>();

  AlertVisibility(Caller caller, ClusterRegistry clusters, ClusterReads reads) {
    this.caller = caller;
    this.clusters = clusters;
    this.reads = reads;
    this.admin = Authorizer.isAdmin(caller);
  }

  boolean admin() {
    return admin;
  }

  boolean sees(Alert alert) {
    if (admin) {
      return true;
    }
    String cluster = alert.label(AlertLabels.CLUSTER);
    if (cluster == null) {
      return false;
    }
    if (alert.scope().isSite()) {
      return siteAlertsOf(cluster);
    }
    String namespace = alert.label(AlertLabels.NAMESPACE);
    if (namespace == null) {
      return clusterLevel(cluster);
    }
    String kind = alert.label(AlertLabels.KIND);
    CachedKind cached = kind == null ? CachedKind.PODS : BY_KIND.get(kind);
    if (cached == null || !cached.namespaced()) {
      cached = CachedKind.PODS;
    }
    return visible(cluster, cached).includes(namespace);
  }

  /** Whether the caller may list the nodes of {@code cluster} (cluster-level alerts, history). */
  boolean clusterLevel(String cluster) {
    return admin || visible(cluster, CachedKind.NODES).all();
  }

  /** Site alerts about {@code cluster}: administrators and callers with a grant on it. */
  boolean siteAlertsOf(String cluster) {
    return admin
        || (caller.tokenScope().permits(Verb.READ, cluster, null)
            && AccessPolicy.seesCluster(caller.principal(), cluster));
  }

  private NamespaceVisibility visible(String cluster, CachedKind kind) {
    return answers.computeIfAbsent(
        cluster + "/" + kind.plural(),
        key -> {
          Optional<ManagedCluster> managed = clusters.find(cluster);
          if (managed.isEmpty()) {
            return NamespaceVisibility.NONE;
          }
          try {
            return reads.visible(caller, managed.get(), kind);
          } catch (RuntimeException e) {
            return NamespaceVisibility.NONE;
          }
        });
  }

  static @Nullable CachedKind kindOf(String kind) {
    return BY_KIND.get(kind);
  }
}
