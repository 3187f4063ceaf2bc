package io.kubeward.server.logs;

import io.kubeward.access.app.Authorizer;
import io.kubeward.cluster.app.ClusterReads;
import io.kubeward.cluster.kube.ClusterClients;
import io.kubeward.logs.app.PodLogs;
import io.kubeward.logs.app.StreamLogs;
import io.kubeward.logs.kube.KubePodLogs;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Container logs: the {@code pods/log} adapter (the caller's identity) and the use cases. */
@Configuration(proxyBeanMethods = false)
public class LogsWiring {

  @Bean
  PodLogs podLogs(ClusterClients clients, LogsProperties properties) {
    return new KubePodLogs(clients, properties.headTimeout());
  }

  @Bean
  StreamLogs streamLogs(
      ClusterReads reads,
      Authorizer authorizer,
      PodLogs logs,
      LogsProperties properties,
      Clock clock) {
    return new StreamLogs(reads, authorizer, logs, properties.limits(), clock);
  }
}
