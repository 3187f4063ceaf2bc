package io.kubeward.helm.app;

import io.kubeward.access.app.Authorizer;
import io.kubeward.access.app.Caller;
import io.kubeward.access.domain.Verb;
import io.kubeward.cluster.app.ClusterNotFoundException;
import io.kubeward.cluster.app.ClusterRegistry;
import io.kubeward.helm.domain.HelmException;
import io.kubeward.helm.domain.HelmLimits;
import io.kubeward.helm.domain.HelmRelease;
import io.kubeward.helm.domain.HelmReleaseDetail;
import java.util.Comparator;
import java.util.List;

/**
 * Use cases: the Helm releases of a cluster, read from their Secrets with the caller's identity
 * (the apiserver decides who may read secrets; a refusal is {@code resource.forbidden}), without
 * the helm binary.
 */
public final class HelmReleases {

  private final ClusterRegistry clusters;
  private final Authorizer authorizer;
  private final HelmReleaseStore store;

  public HelmReleases(ClusterRegistry clusters, Authorizer authorizer, HelmReleaseStore store) {
    this.clusters = clusters;
    this.authorizer = authorizer;
    this.store = store;
  }

  /** The newest revision of each release, by namespace and name; optionally of one status. */
  public List<HelmRelease> list(Caller caller, String cluster, String namespace, String status) {
    requireCluster(cluster);
    String ns = namespace == null || namespace.isBlank() ? null : HelmLimits.namespace(namespace);
    authorizer.require(caller, Verb.READ, cluster, ns);
    return store.latest(caller, cluster, ns).stream()
        .map(HelmReleaseDetail::release)
        .filter(r -> status == null || status.isBlank() || status.equalsIgnoreCase(r.status()))
        .sorted(Comparator.comparing(HelmRelease::namespace).thenComparing(HelmRelease::name))
        .toList();
  }

  /** Every revision of a release, newest first. */
  public List<HelmRelease> history(Caller caller, String cluster, String namespace, String name) {
    return revisions(caller, cluster, namespace, name).stream()
        .map(HelmReleaseDetail::release)
        .toList();
  }

  /** The newest revision in full. */
  public HelmReleaseDetail current(Caller caller, String cluster, String namespace, String name) {
    return revisions(caller, cluster, namespace, name).getFirst();
  }

  /** One revision in full. */
  public HelmReleaseDetail revision(
      Caller caller, String cluster, String namespace, String name, Integer revision) {
    int wanted = HelmLimits.revision(revision);
    return revisions(caller, cluster, namespace, name).stream()
        .filter(d -> d.release().revision() == wanted)
        .findFirst()
        .orElseThrow(() -> HelmException.revisionNotFound(namespace, name, wanted));
  }

  /** Every revision, newest first; a release without revisions does not exist. */
  List<HelmReleaseDetail> revisions(Caller caller, String cluster, String namespace, String name) {
    requireCluster(cluster);
    HelmLimits.namespace(namespace);
    HelmLimits.releaseName(name);
    authorizer.require(caller, Verb.READ, cluster, namespace);
    List<HelmReleaseDetail> revisions = store.history(caller, cluster, namespace, name);
    if (revisions.isEmpty()) {
      throw HelmException.notFound(cluster, namespace, name);
    }
    return revisions.stream()
        .sorted(Comparator.comparingInt((HelmReleaseDetail d) -> d.release().revision()).reversed())
        .toList();
  }

  private void requireCluster(String cluster) {
    if (clusters.find(cluster).isEmpty()) {
      throw new ClusterNotFoundException(cluster);
    }
  }
}
