package io.kubeward.server.usage;

import io.kubeward.access.app.Authorizer;
import io.kubeward.cluster.app.ClusterReads;
import io.kubeward.cluster.app.ClusterRegistry;
import io.kubeward.cluster.kube.ClusterClients;
import io.kubeward.usage.app.GetUsage;
import io.kubeward.usage.app.LiveMetrics;
import io.kubeward.usage.app.MetricsReader;
import io.kubeward.usage.app.UsageSnapshots;
import io.kubeward.usage.kube.KubeMetricsReader;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Live usage: the metrics API adapter (Kubeward's identity), the shared snapshots ({@link
 * UsageSnapshots}, also for the built-in history sampler) and the use cases.
 */
@Configuration(proxyBeanMethods = false)
public class UsageWiring {

  @Bean
  MetricsReader metricsReader(ClusterClients clients, UsageProperties properties, Clock clock) {
    return new KubeMetricsReader(clients, properties.settings(), clock);
  }

  @Bean
  LiveMetrics usageSnapshots(
      MetricsReader reader, UsageProperties properties, Clock clock, ClusterRegistry clusters) {
    return new LiveMetrics(
        reader, properties.settings(), clock, name -> clusters.find(name).isPresent());
  }

  @Bean
  GetUsage getUsage(ClusterReads reads, Authorizer authorizer, UsageSnapshots snapshots) {
    return new GetUsage(reads, authorizer, snapshots);
  }
}
