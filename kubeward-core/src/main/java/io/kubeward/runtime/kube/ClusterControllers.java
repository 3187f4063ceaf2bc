package io.kubeward.runtime.kube;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.access.app.Caller;
import io.kubeward.cluster.app.ManagedCluster;
import io.kubeward.runtime.app.ControllerMetrics;
import io.kubeward.runtime.domain.CrdState;
import io.kubeward.runtime.domain.CrdStatus;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The controllers of one cluster: set up on a background thread (namespace, CRDs), then leader
 * election on the cluster's Lease; while this replica leads, each controller whose CRD is available
 * runs its informer and worker. CRDs that are not available are checked again by {@link #checkCrds}
 * (the runtime's periodic sync, the admin action).
 */
final class ClusterControllers implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ClusterControllers.class);

  private final ManagedCluster cluster;
  private final KubernetesClient client;
  private final RuntimeSettings settings;
  private final Executor background;
  private final Clock clock;
  private final Map<String, ControllerLoop<?>> loops = new LinkedHashMap<>();
  private final Map<String, CrdDefinition> crdOf = new LinkedHashMap<>();
  private final Map<String, CrdStatus> crds = new ConcurrentHashMap<>();
  private final LeaderElection election;
  private volatile CompletableFuture<Void> checking = CompletableFuture.completedFuture(null);
  private volatile boolean closed;

  ClusterControllers(
      ManagedCluster cluster,
      KubernetesClient client,
      List<ControllerSpec<?>> specs,
      RuntimeSettings settings,
      Executor background,
      Clock clock,
      String identity) {
    this.cluster = cluster;
    this.client = client;
    this.settings = settings;
    this.background = background;
    this.clock = clock;
    for (ControllerSpec<?> spec : specs) {
      loops.put(spec.name(), loop(spec, identity));
      if (spec.crd() != null) {
        crdOf.put(spec.name(), spec.crd());
        crds.put(spec.crd().name(), CrdStatus.pending(spec.crd().name()));
      }
    }
    this.election =
        new LeaderElection(
            cluster.name(),
            client,
            settings.namespace(),
            settings.leaseName(),
            identity,
            settings.election(),
            this::startLeading,
            this::stopLeading);
  }

  private <R> ControllerLoop<R> loop(ControllerSpec<R> spec, String identity) {
    ClusterBinding binding =
        new ClusterBinding(
            cluster.name(),
            client,
            Caller.controller(spec.name()),
            settings.namespace(),
            new KubeEventRecorder(client, spec.name(), identity, clock),
            clock);
    ControllerLoop<R> loop = new ControllerLoop<>(spec, binding, settings);
    loop.metrics().leading(this::leading);
    return loop;
  }

  ManagedCluster cluster() {
    return cluster;
  }

  /** Sets the cluster up and starts electing; on a background thread. */
  CompletableFuture<Void> start() {
    return check(true, true);
  }

  /**
   * Checks (and installs, if allowed) the CRDs again: all of them if {@code all}, else only those
   * not available. One check at a time; a second call while one runs gets the running one.
   */
  synchronized CompletableFuture<Void> checkCrds(boolean all) {
    return check(all, false);
  }

  private synchronized CompletableFuture<Void> check(boolean all, boolean thenElect) {
    if (closed) {
      return CompletableFuture.completedFuture(null);
    }
    if (!checking.isDone()) {
      return checking;
    }
    List<String> names = new ArrayList<>();
    for (CrdDefinition crd : crdOf.values()) {
      CrdStatus status = crds.get(crd.name());
      if (all || status == null || !status.state().usable()) {
        names.add(crd.name());
        crds.put(crd.name(), pendingKeeping(status, crd.name()));
      }
    }
    checking =
        CompletableFuture.runAsync(
            () -> {
              try {
                ensureNamespace();
                for (CrdDefinition crd : crdOf.values()) {
                  if (closed || !names.contains(crd.name())) {
                    continue;
                  }
                  crds.put(crd.name(), checkOne(crd));
                }
              } finally {
                if (thenElect && !closed) {
                  election.start();
                } else if (election.leading()) {
                  startLeading(); // controllers whose CRD became available
                }
              }
            },
            background);
    return checking;
  }

  private static CrdStatus pendingKeeping(CrdStatus previous, String name) {
    return previous == null || previous.state() == CrdState.Pending
        ? CrdStatus.pending(name)
        : new CrdStatus(
            name,
            CrdState.Pending,
            previous.reason(),
            previous.installedRevision(),
            previous.checkedAt());
  }

  private CrdStatus checkOne(CrdDefinition crd) {
    try {
      CrdStatus status =
          CrdInstaller.ensure(
              cluster.name(),
              client,
              crd,
              settings.installCrds(),
              settings.crdEstablishTimeout(),
              clock);
      if (!status.state().usable()) {
        log.warn(
            "Cluster {}: CRD {} is {}: {}",
            cluster.name(),
            crd.name(),
            status.state(),
            status.reason());
      }
      return status;
    } catch (RuntimeException e) {
      log.warn("Cluster {}: checking CRD {} failed: {}", cluster.name(), crd.name(), e.toString());
      return new CrdStatus(
          crd.name(), CrdState.Failed, "check failed: " + e.getMessage(), -1, clock.instant());
    }
  }

  private void ensureNamespace() {
    Namespaces.ensure(cluster.name(), client, settings.namespace());
  }

  /** The state of {@code crd}, if one of this cluster's controllers needs it. */
  Optional<CrdStatus> crd(String crd) {
    return Optional.ofNullable(crds.get(crd));
  }

  List<CrdStatus> crds() {
    return List.copyOf(crds.values());
  }

  CompletableFuture<Void> checking() {
    return checking;
  }

  boolean leading() {
    return election.leading();
  }

  String leader() {
    return election.leader();
  }

  List<ControllerMetrics> metrics() {
    return loops.values().stream().map(l -> (ControllerMetrics) l.metrics()).toList();
  }

  /** Whether controller {@code name} runs here now (this replica leads and its CRD is usable). */
  boolean running(String name) {
    ControllerLoop<?> loop = loops.get(name);
    return loop != null && loop.running();
  }

  private synchronized void startLeading() {
    if (closed || !election.leading()) {
      return;
    }
    loops.forEach(
        (name, loop) -> {
          CrdDefinition crd = crdOf.get(name);
          boolean usable = crd == null || crds.get(crd.name()).state().usable();
          if (usable) {
            loop.start();
          }
        });
  }

  private synchronized void stopLeading() {
    loops.values().forEach(ControllerLoop::stop);
  }

  @Override
  public void close() {
    closed = true;
    election.close();
    stopLeading();
  }
}
