package io.kubeward.server.capacity;

import io.kubeward.access.app.Authorizer;
import io.kubeward.capacity.app.AskWhatIf;
import io.kubeward.capacity.app.GetCapacity;
import io.kubeward.capacity.app.WhatIfReader;
import io.kubeward.capacity.kube.KubeWhatIfReader;
import io.kubeward.cluster.app.ClusterReads;
import io.kubeward.cluster.kube.ClusterClients;
import io.kubeward.history.app.GetHistory;
import io.kubeward.usage.app.UsageSnapshots;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Capacity planning and what-if scheduling (issue 17, ADR 0049). */
@Configuration(proxyBeanMethods = false)
public class CapacityWiring {

  @Bean
  WhatIfReader whatIfReader(ClusterClients clients) {
    return new KubeWhatIfReader(clients);
  }

  @Bean
  GetCapacity getCapacity(
      ClusterReads reads,
      Authorizer authorizer,
      UsageSnapshots snapshots,
      GetHistory history,
      CapacityProperties properties,
      Clock clock) {
    return new GetCapacity(
        reads, authorizer, snapshots, new HistoryDemand(history), properties.settings(), clock);
  }

  @Bean
  AskWhatIf askWhatIf(ClusterReads reads, WhatIfReader reader, CapacityProperties properties) {
    return new AskWhatIf(reads, reader, properties.settings());
  }
}
