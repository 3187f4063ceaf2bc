package io.kubeward.maintenance.reconcile;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kubeward.cluster.app.ClusterNotFoundException;
import io.kubeward.cluster.app.ClusterRegistry;
import io.kubeward.cluster.app.ManagedCluster;
import io.kubeward.cluster.kube.ClusterClients;
import io.kubeward.common.ControllerStatistics;
import io.kubeward.maintenance.app.MaintenanceBlocker;
import io.kubeward.maintenance.app.MaintenanceCluster;
import io.kubeward.maintenance.app.MaintenanceClusters;
import io.kubeward.maintenance.app.MaintenanceUnavailableException;
import io.kubeward.maintenance.app.NodeDrainer;
import io.kubeward.maintenance.kube.CrdInstaller;
import io.kubeward.maintenance.kube.KubeMaintenanceEvents;
import io.kubeward.maintenance.kube.KubeMaintenanceNodes;
import io.kubeward.maintenance.kube.KubeMaintenanceStore;
import io.kubeward.maintenance.kube.LeaseMaintenanceLock;
import io.kubeward.node.app.NodeGateway;
import java.net.HttpURLConnection;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maintenance in every managed cluster: follows the cluster registry ({@link #sync()}, called at
 * start and periodically, so clusters added or removed at runtime get or lose their controller),
 * installs the CRD, creates the namespace and runs one {@link MaintenanceController} per cluster.
 */
public final class MaintenanceControllers
    implements MaintenanceClusters, ControllerStatistics.Source, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(MaintenanceControllers.class);

  /**
   * @param namespace where the leader-election Lease, the lock Lease and action Jobs live
   * @param installCrd whether to server-side apply the CRD at start
   */
  public record Settings(
      String namespace,
      boolean installCrd,
      Duration crdEstablishTimeout,
      MaintenanceController.Election election,
      MaintenanceReconciler.Settings reconcile) {}

  private record Entry(
      ManagedCluster cluster,
      MaintenanceCluster ports,
      MaintenanceController controller,
      String unavailable) {}

  private final ClusterRegistry registry;
  private final ClusterClients clients;
  private final NodeGateway nodes;
  private final NodeDrainer drainer;
  private final List<MaintenanceBlocker> blockers;
  private final Settings settings;
  private final Clock clock;
  private final String identity;
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private volatile boolean closed;

  public MaintenanceControllers(
      ClusterRegistry registry,
      ClusterClients clients,
      NodeGateway nodes,
      NodeDrainer drainer,
      List<MaintenanceBlocker> blockers,
      Settings settings,
      Clock clock,
      String identity) {
    this.registry = registry;
    this.clients = clients;
    this.nodes = nodes;
    this.drainer = drainer;
    this.blockers = List.copyOf(blockers);
    this.settings = settings;
    this.clock = clock;
    this.identity = identity;
  }

  @Override
  public Optional<MaintenanceCluster> find(String cluster) {
    Entry entry = entries.get(cluster);
    if (entry == null) {
      if (registry.find(cluster).isEmpty()) {
        return Optional.empty();
      }
      sync();
      entry = entries.get(cluster);
      if (entry == null) {
        throw new MaintenanceUnavailableException(cluster, "not set up yet");
      }
    }
    if (entry.unavailable() != null) {
      throw new MaintenanceUnavailableException(cluster, entry.unavailable());
    }
    return Optional.of(entry.ports());
  }

  /** The controller of each cluster where maintenance runs. */
  @Override
  public List<MaintenanceController> controllerStatistics() {
    List<MaintenanceController> controllers = new ArrayList<>();
    for (Entry entry : entries.values()) {
      if (entry.controller() != null) {
        controllers.add(entry.controller());
      }
    }
    return controllers;
  }

  /** Whether this replica leads the controller of {@code cluster}. */
  public boolean leading(String cluster) {
    Entry entry = entries.get(cluster);
    return entry != null && entry.controller() != null && entry.controller().leading();
  }

  /**
   * Starts maintenance in new clusters (and retries unavailable ones), stops it in removed ones.
   */
  public synchronized void sync() {
    if (closed) {
      return;
    }
    Set<String> names = new HashSet<>();
    for (ManagedCluster cluster : registry.all()) {
      names.add(cluster.name());
      Entry entry = entries.get(cluster.name());
      if (entry != null && entry.cluster() != cluster) {
        stop(entries.remove(cluster.name()));
        entry = null;
      }
      if (entry == null || entry.unavailable() != null) {
        Optional<Entry> started = setUp(cluster);
        if (closed) {
          started.ifPresent(MaintenanceControllers::stop);
          return;
        }
        started.ifPresent(e -> entries.put(cluster.name(), e));
      }
    }
    for (String name : new ArrayList<>(entries.keySet())) {
      if (!names.contains(name)) {
        stop(entries.remove(name));
      }
    }
  }

  private Optional<Entry> setUp(ManagedCluster cluster) {
    KubernetesClient client;
    try {
      client = clients.kubeward(cluster.name());
    } catch (ClusterNotFoundException e) {
      return Optional.of(new Entry(cluster, null, null, "no API client for this cluster"));
    }
    try {
      ensureNamespace(cluster.name(), client);
      if (settings.installCrd()) {
        CrdInstaller.Result crd =
            CrdInstaller.ensure(cluster.name(), client, settings.crdEstablishTimeout());
        if (!crd.available()) {
          log.warn("Cluster {}: node maintenance is unavailable: {}", cluster.name(), crd.reason());
          return Optional.of(new Entry(cluster, null, null, crd.reason()));
        }
      }
      MaintenanceCluster ports =
          new MaintenanceCluster(
              cluster.name(),
              new KubeMaintenanceStore(cluster.name(), clients),
              new KubeMaintenanceNodes(cluster, clients, nodes, settings.namespace()),
              new LeaseMaintenanceLock(client, settings.namespace(), clock),
              new KubeMaintenanceEvents(client, identity, clock));
      MaintenanceController controller =
          new MaintenanceController(
              ports,
              client,
              new MaintenanceReconciler(
                  cluster.name(), drainer, blockers, settings.reconcile(), clock),
              settings.namespace(),
              identity,
              settings.election(),
              settings.reconcile().lockRetry());
      controller.start();
      log.info("Cluster {}: node maintenance controller started", cluster.name());
      return Optional.of(new Entry(cluster, ports, controller, null));
    } catch (KubernetesClientException e) {
      log.warn(
          "Cluster {}: node maintenance not started yet ({}); retrying",
          cluster.name(),
          e.getMessage());
      return Optional.empty();
    }
  }

  private void ensureNamespace(String cluster, KubernetesClient client) {
    String ns = settings.namespace();
    try {
      if (client.namespaces().withName(ns).get() == null) {
        client
            .namespaces()
            .resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
            .create();
        log.info("Cluster {}: created namespace {} for node maintenance", cluster, ns);
      }
    } catch (KubernetesClientException e) {
      if (e.getCode() != HttpURLConnection.HTTP_CONFLICT
          && e.getCode() != HttpURLConnection.HTTP_FORBIDDEN) {
        throw e;
      }
    }
  }

  private static void stop(Entry entry) {
    if (entry != null && entry.controller() != null) {
      entry.controller().close();
    }
  }

  /** Stops every controller; does not wait for a sync in progress (it stops what it started). */
  @Override
  public void close() {
    closed = true;
    List<Entry> all = new ArrayList<>(entries.values());
    entries.clear();
    all.forEach(MaintenanceControllers::stop);
  }
}
