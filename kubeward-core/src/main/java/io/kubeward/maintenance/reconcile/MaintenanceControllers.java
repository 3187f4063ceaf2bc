package io.kubeward.maintenance.reconcile;

import io.kubeward.cluster.app.ClusterRegistry;
import io.kubeward.cluster.app.ManagedCluster;
import io.kubeward.cluster.kube.ClusterClients;
import io.kubeward.maintenance.app.MaintenanceCluster;
import io.kubeward.maintenance.app.MaintenanceClusters;
import io.kubeward.maintenance.app.MaintenanceEvents;
import io.kubeward.maintenance.app.MaintenanceUnavailableException;
import io.kubeward.maintenance.kube.NodeMaintenanceResources;
import io.kubeward.node.app.NodeGateway;
import io.kubeward.runtime.domain.CrdStatus;
import io.kubeward.runtime.kube.ControllerRuntime;
import io.kubeward.runtime.kube.SystemClients;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Maintenance in every managed cluster for the use cases: available where the runtime found the
 * NodeMaintenance CRD usable. A request never sets a cluster up itself: it waits at most {@code
 * requestWait} for a check under way (a cluster just added), else answers 503 {@code
 * maintenance.crd-missing} with the reason; the controllers themselves run in the runtime.
 */
public final class MaintenanceControllers implements MaintenanceClusters {

  private record Entry(ManagedCluster cluster, MaintenanceCluster ports) {}

  private final ClusterRegistry registry;
  private final ControllerRuntime runtime;
  private final SystemClients clients;
  private final ClusterClients clusterClients;
  private final NodeGateway nodes;
  private final String namespace;
  private final Duration requestWait;
  private final Clock clock;
  private final Map<String, Entry> ports = new ConcurrentHashMap<>();

  public MaintenanceControllers(
      ClusterRegistry registry,
      ControllerRuntime runtime,
      SystemClients clients,
      ClusterClients clusterClients,
      NodeGateway nodes,
      String namespace,
      Duration requestWait,
      Clock clock) {
    this.registry = registry;
    this.runtime = runtime;
    this.clients = clients;
    this.clusterClients = clusterClients;
    this.nodes = nodes;
    this.namespace = namespace;
    this.requestWait = requestWait;
    this.clock = clock;
  }

  @Override
  public Optional<MaintenanceCluster> find(String cluster) {
    Optional<ManagedCluster> managed = registry.find(cluster);
    if (managed.isEmpty()) {
      ports.remove(cluster);
      return Optional.empty();
    }
    CrdStatus crd = runtime.awaitCrd(cluster, NodeMaintenanceResources.CRD_NAME, requestWait);
    if (!crd.state().usable()) {
      throw new MaintenanceUnavailableException(
          cluster, crd.state() + ": " + (crd.reason() == null ? "-" : crd.reason()));
    }
    Entry entry =
        ports.compute(
            cluster,
            (name, existing) -> {
              if (existing != null && existing.cluster() == managed.get()) {
                return existing;
              }
              if (clients.systemClient(managed.get()).isEmpty()) {
                throw new MaintenanceUnavailableException(name, "no API client for this cluster");
              }
              return new Entry(
                  managed.get(),
                  MaintenanceController.ports(
                      managed.get(),
                      clusterClients,
                      nodes,
                      namespace,
                      clock,
                      MaintenanceEvents.NONE));
            });
    return Optional.of(entry.ports());
  }
}
