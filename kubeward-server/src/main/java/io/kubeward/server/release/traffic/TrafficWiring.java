package io.kubeward.server.release.traffic;

import io.kubeward.access.app.Authorizer;
import io.kubeward.cluster.app.ClusterRegistry;
import io.kubeward.cluster.kube.ClusterClients;
import io.kubeward.release.app.TrafficRouter;
import io.kubeward.release.app.traffic.ListTrafficRouters;
import io.kubeward.release.kube.traffic.GatewayApiRouter;
import io.kubeward.release.kube.traffic.IngressNginxRouter;
import java.time.Clock;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The ingress-nginx and Gateway API traffic routers (beans of the {@link TrafficRouter} port, found
 * by the Release controller as a list keyed by {@code type()}) and the routers report.
 */
@Configuration(proxyBeanMethods = false)
public class TrafficWiring {

  @Bean
  IngressNginxRouter ingressNginxRouter(
      ClusterClients clients, Clock clock, TrafficProperties properties) {
    return new IngressNginxRouter(clients, clock, properties.presenceTtl());
  }

  @Bean
  GatewayApiRouter gatewayApiRouter(
      ClusterClients clients, Clock clock, TrafficProperties properties) {
    return new GatewayApiRouter(clients, clock, properties.presenceTtl());
  }

  @Bean
  ListTrafficRouters listTrafficRouters(
      ClusterRegistry registry, Authorizer authorizer, List<TrafficRouter> routers) {
    return new ListTrafficRouters(registry, authorizer, routers);
  }
}
