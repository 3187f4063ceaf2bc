package io.kubeward.upgrade.app;

import io.kubeward.access.app.AccessDeniedException;
import io.kubeward.access.app.Caller;
import io.kubeward.access.domain.NamespaceVisibility;
import io.kubeward.access.domain.Verb;
import io.kubeward.alert.app.rule.ApiserverCertificates;
import io.kubeward.cluster.app.ClusterReads;
import io.kubeward.cluster.app.ManagedCluster;
import io.kubeward.cluster.domain.CachedKind;
import io.kubeward.cluster.domain.KubeObjectView;
import io.kubeward.cluster.domain.NodeView;
import io.kubeward.upgrade.domain.DeprecatedApiRequest;
import io.kubeward.upgrade.domain.KubeMinor;
import io.kubeward.upgrade.domain.Observed;
import io.kubeward.upgrade.domain.ReadinessChecklist;
import io.kubeward.upgrade.domain.ReadinessReport;
import io.kubeward.upgrade.domain.SkewPolicy;
import io.kubeward.upgrade.domain.UpgradeFacts;
import io.kubeward.upgrade.domain.UpgradeFacts.CertificateFacts;
import io.kubeward.upgrade.domain.UpgradeFacts.CrdDeprecation;
import io.kubeward.upgrade.domain.UpgradeFacts.NodeFacts;
import io.kubeward.upgrade.domain.UpgradeFacts.ObjectUse;
import io.kubeward.upgrade.domain.UpgradeFacts.PdbFacts;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Use case: a cluster's readiness for an upgrade to a target minor (ADR 0055), for a caller who may
 * read some namespace of it. Versions come from the reachability probe and the node cache,
 * disruption budgets from the cache (filtered by what the caller may list); discovery, CRDs and
 * objects' managed fields are read live as the caller; the apiserver's deprecated-API metric as
 * Kubeward, and shown only to callers who may read every namespace (it is cluster-wide). What the
 * caller may not see is reported as not visible, never left out silently.
 */
public final class CheckUpgradeReadiness {

  private static final Set<CachedKind> KINDS =
      EnumSet.of(
          CachedKind.NAMESPACES,
          CachedKind.NODES,
          CachedKind.PODS,
          CachedKind.REPLICASETS,
          CachedKind.PODDISRUPTIONBUDGETS);

  private final ClusterReads reads;
  private final DeprecatedApiReader apis;
  private final ApiserverCertificates apiserverCertificates;
  private final ClientCertificates clientCertificates;
  private final UpgradeSettings settings;
  private final Clock clock;

  public CheckUpgradeReadiness(
      ClusterReads reads,
      DeprecatedApiReader apis,
      ApiserverCertificates apiserverCertificates,
      ClientCertificates clientCertificates,
      UpgradeSettings settings,
      Clock clock) {
    this.reads = reads;
    this.apis = apis;
    this.apiserverCertificates = apiserverCertificates;
    this.clientCertificates = clientCertificates;
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * @param target a minor version ("1.35", "v1.35"), current to current+3; {@code null}: the next
   *     minor
   * @throws AccessDeniedException if the caller may read no namespace of the cluster
   * @throws UpgradeProblem for a target out of range, or before the cluster's version is known
   */
  public ReadinessReport report(Caller caller, String cluster, @Nullable String target) {
    ManagedCluster managed = reads.ready(cluster, KINDS);
    NamespaceVisibility pods = reads.visible(caller, managed, CachedKind.PODS);
    if (pods.isEmpty()) {
      throw new AccessDeniedException(caller.username(), Verb.READ, managed.name(), null);
    }
    String version = managed.reachability().kubernetesVersion();
    KubeMinor current = KubeMinor.parse(version);
    if (current == null) {
      throw UpgradeProblem.versionUnknown(managed.name(), String.valueOf(version));
    }
    KubeMinor wanted = target(managed.name(), current, target);
    boolean clusterWide = pods.all();
    Observed<List<DeprecatedApiRequest>> requests =
        clusterWide ? apis.requested(managed.name()) : Observed.notVisible();
    List<CrdDeprecation> crds = apis.crdDeprecations(caller, managed.name());
    List<ObjectUse> uses =
        requests.present() && settings.maxObjectsPerApi() > 0
            ? apis.uses(caller, managed.name(), requests.value(), crds, settings.maxObjectsPerApi())
            : List.of();
    UpgradeFacts facts =
        new UpgradeFacts(
            managed.name(),
            version,
            current,
            nodes(caller, managed),
            requests,
            apis.servedGroupVersions(caller, managed.name()),
            crds,
            uses,
            certificates(managed.name(), clusterWide),
            pdbs(caller, managed, pods));
    return ReadinessChecklist.build(facts, wanted, clock.instant(), settings.certificateWarning());
  }

  private static KubeMinor target(String cluster, KubeMinor current, @Nullable String target) {
    if (target == null || target.isBlank()) {
      return current.plus(1);
    }
    KubeMinor wanted = target.length() > 16 ? null : KubeMinor.parse(target);
    if (wanted == null || !SkewPolicy.validTarget(current, wanted)) {
      throw UpgradeProblem.invalidTarget(
          cluster,
          target.length() > 16 ? target.substring(0, 16) + "…" : target,
          current.toString(),
          current.plus(SkewPolicy.MAX_TARGET_AHEAD).toString());
    }
    return wanted;
  }

  private Observed<List<NodeFacts>> nodes(Caller caller, ManagedCluster cluster) {
    if (!reads.visible(caller, cluster, CachedKind.NODES).all()) {
      return Observed.notVisible();
    }
    List<NodeFacts> nodes = new ArrayList<>();
    for (KubeObjectView v : cluster.views(CachedKind.NODES).all()) {
      NodeView n = (NodeView) v;
      String kubelet = n.versions().kubelet() != null ? n.versions().kubelet() : n.kubeletVersion();
      nodes.add(new NodeFacts(n.name(), kubelet, n.versions().kubeProxy()));
    }
    return Observed.of(nodes);
  }

  private List<CertificateFacts> certificates(String cluster, boolean clusterWide) {
    List<CertificateFacts> certificates = new ArrayList<>();
    try {
      certificates.add(
          new CertificateFacts("apiserver", apiserverCertificates.notAfter(cluster), null));
    } catch (RuntimeException e) {
      certificates.add(new CertificateFacts("apiserver", null, e.getMessage()));
    }
    if (clusterWide) {
      try {
        Optional<Instant> own = clientCertificates.notAfter(cluster);
        own.ifPresent(at -> certificates.add(new CertificateFacts("kubeward-client", at, null)));
      } catch (RuntimeException e) {
        certificates.add(new CertificateFacts("kubeward-client", null, e.getMessage()));
      }
    }
    return certificates;
  }

  private Observed<List<PdbFacts>> pdbs(
      Caller caller, ManagedCluster cluster, NamespaceVisibility pods) {
    NamespaceVisibility visible = reads.visible(caller, cluster, CachedKind.PODDISRUPTIONBUDGETS);
    if (visible.isEmpty()) {
      return Observed.notVisible();
    }
    List<PdbFacts> pdbs = DisruptionBudgets.facts(cluster, visible, pods);
    return visible.all() ? Observed.of(pdbs) : new Observed<>(pdbs, "partial");
  }
}
