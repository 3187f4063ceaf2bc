package io.kubeward.server.ha;

import io.kubeward.cluster.app.ManageClusters;
import io.kubeward.cluster.app.RuntimeClusterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Two replicas serving as one (ADR 0053): the cluster registry followed from the database, a
 * request for a cluster this replica does not hold looked up there first. Sessions are shared by
 * Spring Session JDBC (no bean here: {@code application.properties}); leases name this replica by
 * {@link HaProperties#replicaId()}.
 */
@Configuration(proxyBeanMethods = false)
class HaWiring {

  @Bean(destroyMethod = "close")
  ClusterRegistrySync clusterRegistrySync(
      RuntimeClusterRegistry registry, ManageClusters clusters, HaProperties properties) {
    registry.lookUpMissesWith(clusters::connectStored);
    return new ClusterRegistrySync(clusters, properties.clusterSyncInterval());
  }
}
