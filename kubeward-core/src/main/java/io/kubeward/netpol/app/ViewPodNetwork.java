package io.kubeward.netpol.app;

import io.kubeward.access.app.AccessDeniedException;
import io.kubeward.access.app.Caller;
import io.kubeward.access.domain.Verb;
import io.kubeward.cluster.app.ClusterReads;
import io.kubeward.cluster.app.ManagedCluster;
import io.kubeward.cluster.domain.CachedKind;
import io.kubeward.cluster.domain.IndexedViews;
import io.kubeward.cluster.domain.Indexes;
import io.kubeward.cluster.domain.KubeObjectView;
import io.kubeward.cluster.domain.NamespaceView;
import io.kubeward.cluster.domain.PodView;
import io.kubeward.common.Names;
import io.kubeward.netpol.domain.PodNetworkPolicies;
import io.kubeward.netpol.domain.PodNetworkView;
import io.kubeward.tenancy.domain.TenancyException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;

/**
 * Use case: the NetworkPolicy view of one pod. The pod and the namespaces' labels come from the
 * shared cache (the caller must be able to list pods in the namespace); the policies are listed
 * live as the caller, so Kubernetes decides whether the caller may see them.
 */
public final class ViewPodNetwork {

  private final ClusterReads reads;
  private final NetworkPolicyReader policies;

  public ViewPodNetwork(ClusterReads reads, NetworkPolicyReader policies) {
    this.reads = reads;
    this.policies = policies;
  }

  public PodNetworkView view(Caller caller, String cluster, String namespace, String pod) {
    if (!Names.isNamespace(namespace)) {
      throw TenancyException.invalid("namespace", "not a namespace name: " + namespace);
    }
    if (!Names.isObjectName(pod)) {
      throw TenancyException.invalid("pod", "not a pod name: " + pod);
    }
    ManagedCluster managed =
        reads.ready(cluster, EnumSet.of(CachedKind.PODS, CachedKind.NAMESPACES));
    if (!reads.visible(caller, managed, CachedKind.PODS).includes(namespace)) {
      throw new AccessDeniedException(caller.username(), Verb.READ, managed.name(), namespace);
    }
    PodView view = pod(managed, namespace, pod);
    if (view == null) {
      throw TenancyException.notFound("Pod", namespace, pod);
    }
    return PodNetworkPolicies.evaluate(
        managed.name(),
        namespace,
        pod,
        view.labels(),
        policies.list(caller, managed.name(), namespace),
        namespaceLabels(managed));
  }

  private static PodView pod(ManagedCluster cluster, String namespace, String name) {
    @SuppressWarnings("unchecked")
    IndexedViews<PodView> pods = (IndexedViews<PodView>) cluster.views(CachedKind.PODS);
    for (String key : pods.keys(Indexes.NAMESPACE, namespace)) {
      PodView pod = pods.view(key);
      if (pod != null && pod.name().equals(name)) {
        return pod;
      }
    }
    return null;
  }

  static Map<String, Map<String, String>> namespaceLabels(ManagedCluster cluster) {
    Map<String, Map<String, String>> out = new HashMap<>();
    for (KubeObjectView view : cluster.views(CachedKind.NAMESPACES).all()) {
      NamespaceView namespace = (NamespaceView) view;
      out.put(namespace.name(), namespace.labels() == null ? Map.of() : namespace.labels());
    }
    return out;
  }
}
