package io.kubeward.server.cluster;

import io.kubeward.cluster.app.ClusterRegistry;
import io.kubeward.cluster.app.FixedClusterRegistry;
import io.kubeward.cluster.app.GetClusterOverview;
import io.kubeward.cluster.app.ListClusters;
import io.kubeward.cluster.kube.ClusterConnection;
import io.kubeward.cluster.kube.ClusterSource;
import io.kubeward.cluster.kube.KubeCluster;
import io.kubeward.server.config.KubewardProperties;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the clusters (one for now: from the kubeconfig, or in-cluster) and their use cases. */
@Configuration(proxyBeanMethods = false)
public class ClusterWiring {

  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean(destroyMethod = "close")
  KubeCluster defaultCluster(KubewardProperties properties, Clock clock) {
    ClusterConnection connection =
        ClusterConnection.resolve(
            properties.clusterName(), sourceOf(properties), properties.client().settings());
    return KubeCluster.start(connection, properties.probe().settings(), clock);
  }

  static ClusterSource sourceOf(KubewardProperties properties) {
    Path kubeconfig = properties.kubeconfigPath();
    if (kubeconfig != null) {
      return new ClusterSource.KubeconfigFile(kubeconfig, properties.context());
    }
    if (properties.context() == null && ClusterConnection.runningInCluster()) {
      return new ClusterSource.InCluster();
    }
    return new ClusterSource.DefaultKubeconfig(properties.context());
  }

  @Bean
  ClusterRegistry clusterRegistry(KubeCluster defaultCluster) {
    return new FixedClusterRegistry(List.of(defaultCluster), defaultCluster.name());
  }

  @Bean
  GetClusterOverview getClusterOverview(ClusterRegistry clusters) {
    return new GetClusterOverview(clusters);
  }

  @Bean
  ListClusters listClusters(ClusterRegistry clusters) {
    return new ListClusters(clusters);
  }
}
