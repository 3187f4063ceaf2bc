package io.kubeward.server.hpa;

import io.kubeward.access.app.Authorizer;
import io.kubeward.audit.app.AuditedAction;
import io.kubeward.cluster.app.ClusterReads;
import io.kubeward.cluster.kube.ClusterClients;
import io.kubeward.hpa.app.HpaChanges;
import io.kubeward.hpa.app.HpaGateway;
import io.kubeward.hpa.app.HpaQueries;
import io.kubeward.hpa.kube.KubeHpas;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** HPA and VPA management on the clusters' clients, with the caller's identity (ADR 0047). */
@Configuration(proxyBeanMethods = false)
public class HpaWiring {

  @Bean
  HpaGateway hpaGateway(ClusterClients clients) {
    return new KubeHpas(clients);
  }

  @Bean
  HpaQueries hpaQueries(ClusterReads reads, Authorizer authorizer, HpaGateway gateway) {
    return new HpaQueries(reads, authorizer, gateway);
  }

  @Bean
  HpaChanges hpaChanges(
      ClusterReads reads,
      Authorizer authorizer,
      AuditedAction audited,
      HpaGateway gateway,
      HpaProperties properties) {
    return new HpaChanges(reads, authorizer, audited, gateway, properties.limits());
  }
}
