package io.kubeward.server.drain;

import io.kubeward.access.app.Authorizer;
import io.kubeward.cluster.app.ClusterRegistry;
import io.kubeward.cluster.kube.ClusterClients;
import io.kubeward.drain.app.DrainGateway;
import io.kubeward.drain.app.DrainPass;
import io.kubeward.drain.app.PreviewDrain;
import io.kubeward.drain.kube.KubeDrainGateway;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the drain: its live gateway, the drain pass (used by maintenances) and the preview. */
@Configuration(proxyBeanMethods = false)
public class DrainWiring {

  @Bean
  DrainGateway drainGateway(ClusterClients clients) {
    return new KubeDrainGateway(clients);
  }

  @Bean
  DrainPass drainPass(DrainGateway gateway, Clock clock, DrainProperties properties) {
    return new DrainPass(gateway, clock, properties.backoffBase(), properties.backoffMax());
  }

  @Bean
  PreviewDrain previewDrain(ClusterRegistry clusters, Authorizer authorizer, DrainGateway gateway) {
    return new PreviewDrain(clusters, authorizer, gateway);
  }
}
