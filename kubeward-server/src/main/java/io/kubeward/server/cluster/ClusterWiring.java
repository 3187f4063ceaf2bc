package io.kubeward.server.cluster;

import io.kubeward.access.app.AccessReviews;
import io.kubeward.access.app.Authorizer;
import io.kubeward.access.app.CachedAccessReviews;
import io.kubeward.access.domain.ClusterAccess;
import io.kubeward.access.kube.KubeAccessReviews;
import io.kubeward.audit.app.AuditedAction;
import io.kubeward.cluster.app.ClusterReads;
import io.kubeward.cluster.app.ClusterRegistry;
import io.kubeward.cluster.app.ClusterStore;
import io.kubeward.cluster.app.GetClusterOverview;
import io.kubeward.cluster.app.GetPermissions;
import io.kubeward.cluster.app.ListClusters;
import io.kubeward.cluster.app.ListResources;
import io.kubeward.cluster.app.ManageClusters;
import io.kubeward.cluster.app.ManagedCluster;
import io.kubeward.cluster.app.RuntimeClusterRegistry;
import io.kubeward.cluster.app.WatchCluster;
import io.kubeward.cluster.kube.ClusterClients;
import io.kubeward.cluster.kube.ClusterConnection;
import io.kubeward.cluster.kube.ClusterSource;
import io.kubeward.cluster.kube.KubeCluster;
import io.kubeward.cluster.kube.KubeClusterFactory;
import io.kubeward.cluster.kube.KubeErrors;
import io.kubeward.server.config.KubewardProperties;
import io.kubeward.server.persistence.PersistenceProperties;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Wires the clusters (the one from the start-up configuration plus those added at runtime and
 * restored from the database) and their use cases.
 */
@Configuration(proxyBeanMethods = false)
public class ClusterWiring {

  private static final Logger log = LoggerFactory.getLogger(ClusterWiring.class);

  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemUTC();
  }

  /** Closed by the registry, which owns every cluster. */
  @Bean(destroyMethod = "")
  KubeCluster defaultCluster(KubewardProperties properties, Clock clock) {
    ClusterSource source = sourceOf(properties);
    ClusterConnection connection =
        ClusterConnection.resolve(properties.clusterName(), source, properties.client().settings());
    return KubeCluster.start(
        connection,
        source instanceof ClusterSource.InCluster
            ? ManagedCluster.Source.IN_CLUSTER
            : ManagedCluster.Source.KUBECONFIG,
        properties.probe().settings(),
        properties.access().checkInterval(),
        clock);
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

  @Bean(destroyMethod = "close")
  RuntimeClusterRegistry clusterRegistry(KubeCluster defaultCluster) {
    return new RuntimeClusterRegistry(List.of(defaultCluster), defaultCluster.name());
  }

  @Bean
  CredentialCipher credentialCipher(
      ClusterRegistryProperties properties,
      PersistenceProperties persistence,
      JdbcClient jdbc,
      ObjectProvider<EncryptedValues> others) {
    return CredentialCipher.from(
        properties,
        persistence.dataDir(),
        () ->
            JdbcClusterStore.count(jdbc)
                + others.orderedStream().mapToInt(EncryptedValues::count).sum());
  }

  @Bean
  ClusterStore clusterStore(JdbcClient jdbc, CredentialCipher cipher) {
    return new JdbcClusterStore(jdbc, cipher);
  }

  @Bean
  ManageClusters manageClusters(
      RuntimeClusterRegistry clusters,
      KubewardProperties properties,
      ClusterStore store,
      AuditedAction audited,
      Clock clock) {
    ManageClusters manage =
        new ManageClusters(
            clusters,
            new KubeClusterFactory(
                properties.client().settings(),
                properties.probe().settings(),
                properties.access().checkInterval(),
                clock),
            store,
            audited,
            clock);
    manage.restore();
    return manage;
  }

  /** The one way adapters reach a cluster: as the caller (impersonated) or as Kubeward. */
  @Bean
  ClusterClients clusterClients(ClusterRegistry clusters) {
    return new ClusterClients(clusters);
  }

  /**
   * Access reviews as the user (impersonated SelfSubjectAccessReviews), remembered briefly and
   * forgotten when a cluster's RBAC objects or namespaces change.
   */
  @Bean
  AccessReviews accessReviews(
      ClusterRegistry clusters,
      ClusterClients clients,
      KubewardProperties properties,
      Clock clock) {
    KubeAccessReviews live =
        new KubeAccessReviews(
            clients::kubeward, KubeErrors::translate, properties.access().reviewParallelism());
    return new CachedAccessReviews(
        live,
        properties.access().reviews(),
        name -> clusters.find(name).map(ManagedCluster::accessGeneration).orElse(0L),
        clock);
  }

  @Bean
  Authorizer authorizer(ClusterRegistry clusters, AccessReviews reviews) {
    return new Authorizer(
        name -> clusters.find(name).map(ManagedCluster::access).orElse(ClusterAccess.unknown()),
        reviews);
  }

  @Bean
  ClusterReads clusterReads(ClusterRegistry clusters, Authorizer authorizer) {
    return new ClusterReads(clusters, authorizer);
  }

  @Bean
  GetClusterOverview getClusterOverview(ClusterRegistry clusters, ClusterReads reads) {
    return new GetClusterOverview(clusters, reads);
  }

  @Bean
  ListClusters listClusters(ClusterRegistry clusters, ClusterReads reads) {
    return new ListClusters(clusters, reads);
  }

  @Bean
  GetPermissions getPermissions(ClusterReads reads, Authorizer authorizer) {
    return new GetPermissions(reads, authorizer);
  }

  @Bean
  ListResources listResources(ClusterReads reads) {
    return new ListResources(reads);
  }

  @Bean
  WatchCluster watchCluster(ClusterReads reads) {
    return new WatchCluster(reads);
  }
}
