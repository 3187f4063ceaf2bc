package io.kubeward.server.posture;

import io.kubeward.alert.kube.rule.TlsApiserverCertificates;
import io.kubeward.audit.app.AuditedAction;
import io.kubeward.cluster.app.ClusterReads;
import io.kubeward.cluster.kube.ClusterClients;
import io.kubeward.posture.app.ExceptionStore;
import io.kubeward.posture.app.ManagePostureExceptions;
import io.kubeward.posture.app.ScanPosture;
import io.kubeward.posture.kube.KubePostureReader;
import io.kubeward.rbac.app.RbacReader;
import io.kubeward.rbac.kube.KubeRbacReader;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Security posture (ADR 0050): the live reader (as the caller), the exception store, the use cases.
 * RBAC comes from the shared {@link RbacReader} bean (published by the rbac part's {@code
 * RbacWiring}); until it exists, the live {@link KubeRbacReader} is used.
 */
@Configuration(proxyBeanMethods = false)
class PostureWiring {

  @Bean
  ExceptionStore postureExceptionStore(JdbcClient jdbc) {
    return new JdbcPostureExceptionStore(jdbc);
  }

  @Bean
  ScanPosture scanPosture(
      ClusterReads reads,
      ClusterClients clients,
      ObjectProvider<RbacReader> rbac,
      ExceptionStore store,
      PostureProperties properties,
      Environment env,
      Clock clock) {
    RbacReader fallback = new KubeRbacReader(clients);
    return new ScanPosture(
        reads,
        new KubePostureReader(clients, clock),
        () -> rbac.getIfAvailable(() -> fallback),
        new TlsApiserverCertificates(
            clients::kubeward, properties.certificateTimeout(), properties.cacheFor(), clock),
        new ServerOwnCertificate(env, properties.certificateTimeout(), clock),
        store,
        properties.settings(),
        clock);
  }

  @Bean
  ManagePostureExceptions managePostureExceptions(
      ClusterReads reads,
      ExceptionStore store,
      AuditedAction audited,
      PostureProperties properties,
      Clock clock) {
    return new ManagePostureExceptions(reads, store, audited, properties.settings(), clock);
  }
}
