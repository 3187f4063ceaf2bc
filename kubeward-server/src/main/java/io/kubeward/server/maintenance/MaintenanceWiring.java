package io.kubeward.server.maintenance;

import io.kubeward.access.app.Authorizer;
import io.kubeward.audit.app.AuditedAction;
import io.kubeward.cluster.app.ClusterRegistry;
import io.kubeward.cluster.kube.ClusterClients;
import io.kubeward.drain.app.DrainPass;
import io.kubeward.drain.app.PreviewDrain;
import io.kubeward.maintenance.app.MaintenanceClusters;
import io.kubeward.maintenance.app.MaintenanceUnavailableException;
import io.kubeward.maintenance.app.ManageMaintenances;
import io.kubeward.maintenance.app.PodSelectorBlocker;
import io.kubeward.maintenance.domain.Maintenance;
import io.kubeward.maintenance.reconcile.MaintenanceController;
import io.kubeward.maintenance.reconcile.MaintenanceControllers;
import io.kubeward.node.app.NodeGateway;
import io.kubeward.runtime.kube.ControllerRuntime;
import io.kubeward.runtime.kube.ControllerSpec;
import io.kubeward.runtime.kube.SystemClients;
import io.kubeward.server.controllers.ControllersProperties;
import io.kubeward.server.drain.DrainProperties;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires node maintenance: its controller (a {@link ControllerSpec} the controller runtime runs in
 * every cluster) and the use cases; the drain engine and its preview are the drain feature's beans.
 */
@Configuration(proxyBeanMethods = false)
class MaintenanceWiring {

  private static final Logger log = LoggerFactory.getLogger(MaintenanceWiring.class);

  @Bean
  @ConditionalOnProperty(
      name = "kubeward.maintenance.enabled",
      havingValue = "true",
      matchIfMissing = true)
  ControllerSpec<Maintenance> maintenanceController(
      MaintenanceProperties properties,
      DrainProperties drainProperties,
      DrainPass drains,
      ClusterRegistry clusters,
      ClusterClients clients,
      NodeGateway nodes) {
    return MaintenanceController.spec(
        drains::advance,
        List.of(new PodSelectorBlocker()),
        properties.reconcile(drainProperties.defaults()),
        properties.namespace(),
        clusters,
        clients,
        nodes);
  }

  @Bean
  MaintenanceClusters maintenanceClusters(
      ClusterRegistry clusters,
      ControllerRuntime runtime,
      SystemClients systemClients,
      ClusterClients clients,
      NodeGateway nodes,
      MaintenanceProperties properties,
      ControllersProperties controllers,
      Clock clock) {
    if (!properties.enabled()) {
      log.info("Node maintenance is disabled (kubeward.maintenance.enabled=false)");
      return cluster -> {
        throw new MaintenanceUnavailableException(cluster, "disabled by configuration");
      };
    }
    return new MaintenanceControllers(
        clusters,
        runtime,
        systemClients,
        clients,
        nodes,
        properties.namespace(),
        controllers.requestWait(),
        clock);
  }

  @Bean
  ManageMaintenances manageMaintenances(
      MaintenanceClusters maintenanceClusters,
      Authorizer authorizer,
      PreviewDrain preview,
      AuditedAction audited,
      DrainProperties drainProperties,
      Clock clock) {
    return new ManageMaintenances(
        maintenanceClusters,
        authorizer,
        audited,
        preview::preview,
        drainProperties.defaults(),
        clock);
  }
}
