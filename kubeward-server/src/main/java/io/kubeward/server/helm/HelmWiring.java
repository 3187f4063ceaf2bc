package io.kubeward.server.helm;

import io.kubeward.access.app.Authorizer;
import io.kubeward.audit.app.AuditedAction;
import io.kubeward.cluster.app.ClusterRegistry;
import io.kubeward.cluster.kube.ClusterClients;
import io.kubeward.helm.app.HelmOperations;
import io.kubeward.helm.app.HelmReleases;
import io.kubeward.helm.kube.HelmProcessRunner;
import io.kubeward.helm.kube.KubeHelmReleaseStore;
import io.kubeward.helm.kube.ReleasePayload;
import io.kubeward.resource.app.ObjectAccess;
import io.kubeward.resource.kube.JacksonObjectCodec;
import io.kubeward.server.persistence.PersistenceProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Helm releases (ADR 0051): reads from the release Secrets with the caller's identity, writes by
 * the helm binary with the caller's identity as impersonation flags.
 */
@Configuration(proxyBeanMethods = false)
public class HelmWiring {

  private static final Logger log = LoggerFactory.getLogger(HelmWiring.class);

  @Bean
  HelmReleases helmReleases(
      ClusterRegistry clusters, Authorizer authorizer, ClusterClients clients) {
    return new HelmReleases(
        clusters,
        authorizer,
        new KubeHelmReleaseStore(clients, new ReleasePayload(new JacksonObjectCodec())));
  }

  @Bean
  HelmOperations helmOperations(
      ClusterRegistry clusters,
      Authorizer authorizer,
      AuditedAction audited,
      HelmReleases releases,
      ClusterClients clients,
      ObjectAccess objects,
      HelmProperties properties,
      PersistenceProperties persistence) {
    HelmProcessRunner runner =
        new HelmProcessRunner(
            properties.binary(), properties.workDirOr(persistence.dataDir()), clients);
    if (!runner.available()) {
      log.warn(
          "The helm binary {} cannot be run: Helm installs, upgrades, rollbacks and uninstalls"
              + " answer 503 (helm.unavailable); set kubeward.helm.binary",
          properties.binary());
    }
    return new HelmOperations(
        clusters,
        authorizer,
        audited,
        releases,
        runner,
        objects,
        new JacksonObjectCodec(),
        properties.settings());
  }
}
