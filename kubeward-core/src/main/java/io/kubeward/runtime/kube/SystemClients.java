package io.kubeward.runtime.kube;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.cluster.app.ManagedCluster;
import java.util.Optional;

/** Port: the client with Kubeward's own credentials for a cluster (empty if it has none). */
@FunctionalInterface
public interface SystemClients {

  Optional<KubernetesClient> systemClient(ManagedCluster cluster);
}
