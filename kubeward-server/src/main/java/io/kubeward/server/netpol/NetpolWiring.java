package io.kubeward.server.netpol;

import io.kubeward.cluster.app.ClusterReads;
import io.kubeward.cluster.kube.ClusterClients;
import io.kubeward.netpol.app.ViewPodNetwork;
import io.kubeward.netpol.kube.KubeNetworkPolicyReader;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The NetworkPolicy view of a pod: policies listed live as the caller (ADR 0045). */
@Configuration(proxyBeanMethods = false)
public class NetpolWiring {

  @Bean
  ViewPodNetwork viewPodNetwork(ClusterReads reads, ClusterClients clients) {
    return new ViewPodNetwork(reads, new KubeNetworkPolicyReader(clients));
  }
}
