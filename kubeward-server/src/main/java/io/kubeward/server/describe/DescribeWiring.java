package io.kubeward.server.describe;

import io.kubeward.access.app.Authorizer;
import io.kubeward.cluster.app.ClusterReads;
import io.kubeward.cluster.kube.ClusterClients;
import io.kubeward.describe.app.DescribeGateway;
import io.kubeward.describe.app.DescribeObject;
import io.kubeward.describe.kube.KubeDescribe;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Describe on the clusters' clients (as the caller) and the shared cache. */
@Configuration(proxyBeanMethods = false)
public class DescribeWiring {

  @Bean
  DescribeGateway describeGateway(ClusterClients clients) {
    return new KubeDescribe(clients);
  }

  @Bean
  DescribeObject describeObject(
      ClusterReads reads, Authorizer authorizer, DescribeGateway gateway, Clock clock) {
    return new DescribeObject(reads, authorizer, gateway, clock);
  }
}
