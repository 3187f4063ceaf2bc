package io.kubeward.server.upgrade;

import io.kubeward.alert.kube.rule.TlsApiserverCertificates;
import io.kubeward.cluster.app.ClusterReads;
import io.kubeward.cluster.kube.ClusterClients;
import io.kubeward.resource.app.ObjectGateway;
import io.kubeward.upgrade.app.CheckUpgradeReadiness;
import io.kubeward.upgrade.kube.KubeClientCertificates;
import io.kubeward.upgrade.kube.KubeDeprecatedApis;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Upgrade readiness (ADR 0055): the deprecated-API reader (the apiserver's metric as Kubeward,
 * discovery through the shared {@link ObjectGateway}, CRDs and managed fields as the caller), the
 * apiserver's serving certificate through the same TLS reader as alerting and posture, Kubeward's
 * client certificate from its connection.
 */
@Configuration(proxyBeanMethods = false)
class UpgradeWiring {

  @Bean
  CheckUpgradeReadiness checkUpgradeReadiness(
      ClusterReads reads,
      ClusterClients clients,
      ObjectGateway objects,
      UpgradeProperties properties,
      Clock clock) {
    return new CheckUpgradeReadiness(
        reads,
        new KubeDeprecatedApis(clients, objects, properties.timeout()),
        new TlsApiserverCertificates(
            clients::kubeward, properties.timeout(), properties.cacheFor(), clock),
        new KubeClientCertificates(clients),
        properties.settings(),
        clock);
  }
}
