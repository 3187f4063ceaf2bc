package io.kubeward.server.drain;

import io.kubeward.cluster.app.ClusterRegistry;
import io.kubeward.cluster.kube.KubeCluster;
import io.kubeward.drain.app.DrainGateway;
import io.kubeward.drain.app.DrainPass;
import io.kubeward.drain.app.PreviewDrain;
import io.kubeward.drain.kube.KubeDrainGateway;
import java.time.Clock;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the drain: its live gateway, the drain pass (used by maintenances) and the preview. */
@Configuration(proxyBeanMethods = false)
public class DrainWiring {

  @Bean
  DrainGateway drainGateway(ClusterRegistry clusters, Clock clock) {
    return new KubeDrainGateway(
        name ->
            clusters
                .find(name)
                .filter(KubeCluster.class::isInstance)
                .map(c -> ((KubeCluster) c).client())
                .or(Optional::empty),
        clock);
  }

  @Bean
  DrainPass drainPass(DrainGateway gateway, Clock clock, DrainProperties properties) {
    return new DrainPass(gateway, clock, properties.backoffBase(), properties.backoffMax());
  }

  @Bean
  PreviewDrain previewDrain(ClusterRegistry clusters, DrainGateway gateway) {
    return new PreviewDrain(clusters, gateway);
  }
}
