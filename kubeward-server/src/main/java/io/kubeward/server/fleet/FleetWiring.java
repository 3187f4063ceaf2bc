package io.kubeward.server.fleet;

import io.kubeward.cluster.app.ClusterReads;
import io.kubeward.cluster.app.ListClusters;
import io.kubeward.fleet.app.ListProblemPods;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Fleet-wide reads over every managed cluster's shared cache (issue 19, ADR 0060). */
@Configuration(proxyBeanMethods = false)
public class FleetWiring {

  @Bean
  ListProblemPods listProblemPods(ListClusters clusters, ClusterReads reads) {
    return new ListProblemPods(clusters, reads);
  }
}
