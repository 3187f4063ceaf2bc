package io.kubeward.netpol.kube;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.access.app.Caller;
import io.kubeward.cluster.kube.ClusterClients;
import io.kubeward.cluster.kube.KubeErrors;
import io.kubeward.netpol.app.NetworkPolicyReader;
import java.util.List;

/** Lists a namespace's NetworkPolicies with the caller's identity. */
public final class KubeNetworkPolicyReader implements NetworkPolicyReader {

  private final ClusterClients clients;

  public KubeNetworkPolicyReader(ClusterClients clients) {
    this.clients = clients;
  }

  @Override
  public List<NetworkPolicy> list(Caller caller, String cluster, String namespace) {
    KubernetesClient client = clients.forCaller(caller, cluster, ClusterClients.Intent.READ);
    return KubeErrors.call(
        cluster,
        () -> client.network().v1().networkPolicies().inNamespace(namespace).list().getItems());
  }
}
