package io.kubeward.server.maintenance;

import io.kubeward.access.app.Authorizer;
import io.kubeward.audit.app.AuditedAction;
import io.kubeward.cluster.app.ClusterRegistry;
import io.kubeward.cluster.kube.ClusterClients;
import io.kubeward.common.ControllerStatistics;
import io.kubeward.drain.app.DrainPass;
import io.kubeward.drain.app.PreviewDrain;
import io.kubeward.maintenance.app.MaintenanceClusters;
import io.kubeward.maintenance.app.MaintenanceUnavailableException;
import io.kubeward.maintenance.app.ManageMaintenances;
import io.kubeward.maintenance.app.PodSelectorBlocker;
import io.kubeward.maintenance.reconcile.MaintenanceControllers;
import io.kubeward.node.app.NodeGateway;
import io.kubeward.server.drain.DrainProperties;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires node maintenance: one controller per managed cluster (following the registry), the use
 * cases; the drain engine and its preview are the drain feature's beans.
 */
@Configuration(proxyBeanMethods = false)
class MaintenanceWiring {

  private static final Logger log = LoggerFactory.getLogger(MaintenanceWiring.class);

  /** Maintenance in every cluster, synced with the registry on a background thread. */
  static final class Runtime
      implements MaintenanceClusters, ControllerStatistics.Source, AutoCloseable {
    private final MaintenanceControllers controllers;
    private final ScheduledExecutorService sync;
    private final boolean enabled;

    Runtime(MaintenanceControllers controllers, MaintenanceProperties properties) {
      this.controllers = controllers;
      this.enabled = properties.enabled();
      this.sync =
          Executors.newSingleThreadScheduledExecutor(
              Thread.ofPlatform().daemon().name("kubeward-maintenance-sync").factory());
      if (enabled) {
        long every = properties.clusterSyncInterval().toMillis();
        sync.scheduleWithFixedDelay(this::syncQuietly, 0, every, TimeUnit.MILLISECONDS);
      } else {
        log.info("Node maintenance is disabled (kubeward.maintenance.enabled=false)");
      }
    }

    private void syncQuietly() {
      try {
        controllers.sync();
      } catch (RuntimeException e) {
        log.warn("Node maintenance: syncing with the cluster registry failed: {}", e.toString());
      }
    }

    @Override
    public Optional<io.kubeward.maintenance.app.MaintenanceCluster> find(String cluster) {
      if (!enabled) {
        throw new MaintenanceUnavailableException(cluster, "disabled by configuration");
      }
      return controllers.find(cluster);
    }

    MaintenanceControllers controllers() {
      return controllers;
    }

    /** For metrics (ADR 0017): the controller of each cluster. */
    @Override
    public Iterable<? extends ControllerStatistics> controllerStatistics() {
      return controllers.controllerStatistics();
    }

    @Override
    public void close() {
      sync.shutdownNow();
      controllers.close();
    }
  }

  @Bean(destroyMethod = "close")
  Runtime maintenanceRuntime(
      ClusterRegistry clusters,
      ClusterClients clients,
      NodeGateway nodes,
      MaintenanceProperties properties,
      DrainProperties drainProperties,
      DrainPass drains,
      Clock clock) {
    MaintenanceControllers controllers =
        new MaintenanceControllers(
            clusters,
            clients,
            nodes,
            drains::advance,
            List.of(new PodSelectorBlocker()),
            properties.settings(drainProperties.defaults()),
            clock,
            identity());
    return new Runtime(controllers, properties);
  }

  @Bean
  ManageMaintenances manageMaintenances(
      Runtime runtime,
      Authorizer authorizer,
      PreviewDrain preview,
      AuditedAction audited,
      DrainProperties drainProperties,
      Clock clock) {
    return new ManageMaintenances(
        runtime, authorizer, audited, preview::preview, drainProperties.defaults(), clock);
  }

  private static String identity() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "kubeward";
    }
    return host + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
