package io.kubeward.maintenance.reconcile;

import io.kubeward.cluster.app.ClusterNotFoundException;
import io.kubeward.cluster.app.ClusterRegistry;
import io.kubeward.cluster.app.ManagedCluster;
import io.kubeward.cluster.kube.ClusterClients;
import io.kubeward.maintenance.app.MaintenanceBlocker;
import io.kubeward.maintenance.app.MaintenanceCluster;
import io.kubeward.maintenance.app.MaintenanceEvents;
import io.kubeward.maintenance.app.NodeDrainer;
import io.kubeward.maintenance.domain.Maintenance;
import io.kubeward.maintenance.kube.KubeMaintenanceNodes;
import io.kubeward.maintenance.kube.KubeMaintenanceStore;
import io.kubeward.maintenance.kube.LeaseMaintenanceLock;
import io.kubeward.maintenance.kube.NodeMaintenanceResources;
import io.kubeward.node.app.NodeGateway;
import io.kubeward.runtime.app.ReconcileContext;
import io.kubeward.runtime.app.Reconciler;
import io.kubeward.runtime.domain.ObjectKey;
import io.kubeward.runtime.domain.Result;
import io.kubeward.runtime.kube.ControllerSpec;
import io.kubeward.runtime.kube.Namespaces;
import java.time.Clock;
import java.util.List;

/**
 * The NodeMaintenance controller on the controller runtime: one {@link MaintenanceReconciler} per
 * cluster over ports built on the cluster's system client, with the finalizer {@value
 * NodeMaintenanceResources#FINALIZER}.
 */
public final class MaintenanceController implements Reconciler<Maintenance> {

  public static final String NAME = "maintenance";

  private final MaintenanceCluster ports;
  private final MaintenanceReconciler reconciler;
  private final Runnable ensureNamespace;
  private volatile boolean namespaceEnsured;

  MaintenanceController(
      MaintenanceCluster ports, MaintenanceReconciler reconciler, Runnable ensureNamespace) {
    this.ports = ports;
    this.reconciler = reconciler;
    this.ensureNamespace = ensureNamespace;
  }

  /**
   * The controller as the runtime runs it.
   *
   * @param namespace where the lock Lease and action Jobs live ({@code
   *     kubeward.maintenance.namespace})
   */
  public static ControllerSpec<Maintenance> spec(
      NodeDrainer drainer,
      List<MaintenanceBlocker> blockers,
      MaintenanceReconciler.Settings settings,
      String namespace,
      ClusterRegistry registry,
      ClusterClients clients,
      NodeGateway nodes) {
    return new ControllerSpec<>(
        NAME,
        NodeMaintenanceResources.CONTEXT,
        NodeMaintenanceResources::toMaintenance,
        NodeMaintenanceResources.FINALIZER,
        NodeMaintenanceResources.CRD,
        binding ->
            new MaintenanceController(
                ports(
                    registry
                        .find(binding.cluster())
                        .orElseThrow(() -> new ClusterNotFoundException(binding.cluster())),
                    clients,
                    nodes,
                    namespace,
                    binding.clock(),
                    MaintenanceEvents.of(binding.events())),
                new MaintenanceReconciler(
                    binding.cluster(), drainer, blockers, settings, binding.clock()),
                () -> Namespaces.ensure(binding.cluster(), binding.systemClient(), namespace)));
  }

  /**
   * The ports of maintenance in one cluster: the controller's reads and writes as Kubeward, a
   * person's requests with their identity ({@link ClusterClients}), nodes through the one node
   * adapter and the shared cache.
   */
  public static MaintenanceCluster ports(
      ManagedCluster cluster,
      ClusterClients clients,
      NodeGateway nodes,
      String namespace,
      Clock clock,
      MaintenanceEvents events) {
    return new MaintenanceCluster(
        cluster.name(),
        new KubeMaintenanceStore(cluster.name(), clients),
        new KubeMaintenanceNodes(cluster, clients, nodes, namespace),
        new LeaseMaintenanceLock(clients.kubeward(cluster.name()), namespace, clock),
        events);
  }

  @Override
  public Result reconcile(Maintenance maintenance, ReconcileContext context) {
    if (!namespaceEnsured) {
      ensureNamespace.run(); // the lock Lease and Jobs live there (may differ from the runtime's)
      namespaceEnsured = true;
    }
    return Result.of(reconciler.reconcile(ports, maintenance));
  }

  @Override
  public Result cleanup(Maintenance maintenance, ReconcileContext context) {
    reconciler.cleanup(ports, maintenance);
    return Result.done();
  }

  @Override
  public void deleted(ObjectKey key, ReconcileContext context) {
    ports.lock().release(key.name());
  }
}
