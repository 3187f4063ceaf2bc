package io.kubeward.maintenance.reconcile;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElector;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.kubeward.common.ControllerStatistics;
import io.kubeward.maintenance.app.MaintenanceCluster;
import io.kubeward.maintenance.kube.NodeMaintenanceResources;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The maintenance controller of one cluster. Every Kubeward replica runs leader election on the
 * Lease {@value #LEADER_LEASE}; only the leader watches NodeMaintenances (an informer), queues
 * their names and reconciles them one at a time on a single worker thread, requeueing each when the
 * reconciler asks. Losing the leadership stops the informer and the worker; closing releases the
 * Lease, so another replica (or the next start) takes over within a retry period.
 */
public final class MaintenanceController implements ControllerStatistics, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(MaintenanceController.class);
  public static final String LEADER_LEASE = "kubeward-maintenance-controller";

  /** The controller's name in metrics. */
  public static final String NAME = "maintenance";

  /** Leader election timing; the lease duration must exceed the renew deadline. */
  public record Election(Duration leaseDuration, Duration renewDeadline, Duration retryPeriod) {
    public Election {
      if (!leaseDuration.minus(renewDeadline).isPositive() || !retryPeriod.isPositive()) {
        throw new IllegalArgumentException(
            "leader election needs leaseDuration > renewDeadline and a positive retryPeriod");
      }
    }
  }

  private final MaintenanceCluster ports;
  private final KubernetesClient client;
  private final MaintenanceReconciler reconciler;
  private final String namespace;
  private final String identity;
  private final Election election;
  private final Duration errorRetry;
  private final WorkQueue queue = new WorkQueue();
  private final AtomicLong reconciles = new AtomicLong();
  private final AtomicLong reconcileErrors = new AtomicLong();
  private volatile CompletableFuture<?> electing;
  private volatile SharedIndexInformer<GenericKubernetesResource> informer;
  private volatile Thread worker;
  private volatile boolean leading;
  private volatile boolean closed;

  public MaintenanceController(
      MaintenanceCluster ports,
      KubernetesClient client,
      MaintenanceReconciler reconciler,
      String namespace,
      String identity,
      Election election,
      Duration errorRetry) {
    this.ports = ports;
    this.client = client;
    this.reconciler = reconciler;
    this.namespace = namespace;
    this.identity = identity;
    this.election = election;
    this.errorRetry = errorRetry;
  }

  /**
   * Starts electing. fabric8's elector ends after it loses the Lease (e.g. the API was unreachable
   * longer than the renew deadline); it is started again after a retry period until closed.
   */
  public void start() {
    if (closed) {
      return;
    }
    LeaderElector elector =
        client
            .leaderElector()
            .withConfig(
                new LeaderElectionConfigBuilder()
                    .withName(LEADER_LEASE)
                    .withLock(new LeaseLock(namespace, LEADER_LEASE, identity))
                    .withLeaseDuration(election.leaseDuration())
                    .withRenewDeadline(election.renewDeadline())
                    .withRetryPeriod(election.retryPeriod())
                    .withReleaseOnCancel(true)
                    .withLeaderCallbacks(
                        new LeaderCallbacks(this::startLeading, this::stopLeading, this::newLeader))
                    .build())
            .build();
    CompletableFuture<?> running = elector.start();
    electing = running;
    running.whenComplete(
        (result, failure) -> {
          if (!closed) {
            log.info("Cluster {}: maintenance leader election ended; electing again", ports.name());
            CompletableFuture.delayedExecutor(
                    election.retryPeriod().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                .execute(this::start);
          }
        });
  }

  @Override
  public boolean leading() {
    return leading;
  }

  @Override
  public String controller() {
    return NAME;
  }

  @Override
  public String cluster() {
    return ports.name();
  }

  @Override
  public int queueDepth() {
    return queue.size();
  }

  @Override
  public long reconciles() {
    return reconciles.get();
  }

  @Override
  public long reconcileErrors() {
    return reconcileErrors.get();
  }

  private void newLeader(String leader) {
    log.info("Cluster {}: maintenance controller leader is {}", ports.name(), leader);
  }

  private synchronized void startLeading() {
    log.info("Cluster {}: {} leads the maintenance controller", ports.name(), identity);
    leading = true;
    queue.clear();
    worker =
        Thread.ofPlatform().daemon().name("kubeward-maintenance-" + ports.name()).start(this::work);
    informer =
        client
            .genericKubernetesResources(NodeMaintenanceResources.CONTEXT)
            .inform(
                new ResourceEventHandler<>() {
                  @Override
                  public void onAdd(GenericKubernetesResource r) {
                    queue.add(r.getMetadata().getName(), Duration.ZERO);
                  }

                  @Override
                  public void onUpdate(GenericKubernetesResource old, GenericKubernetesResource r) {
                    queue.add(r.getMetadata().getName(), Duration.ZERO);
                  }

                  @Override
                  public void onDelete(GenericKubernetesResource r, boolean unknown) {
                    queue.add(r.getMetadata().getName(), Duration.ZERO);
                  }
                },
                0);
  }

  private synchronized void stopLeading() {
    if (!leading) {
      return;
    }
    log.info("Cluster {}: {} stops leading the maintenance controller", ports.name(), identity);
    leading = false;
    if (informer != null) {
      informer.close();
      informer = null;
    }
    if (worker != null) {
      worker.interrupt();
      try {
        worker.join(Duration.ofSeconds(10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      worker = null;
    }
    queue.clear();
  }

  private void work() {
    while (leading && !Thread.currentThread().isInterrupted()) {
      String name;
      try {
        name = queue.take();
      } catch (InterruptedException e) {
        return;
      }
      reconciles.incrementAndGet();
      try {
        Optional<Duration> again = reconciler.reconcile(ports, name);
        again.ifPresent(d -> queue.add(name, d));
      } catch (RuntimeException e) {
        if (!leading) {
          return;
        }
        reconcileErrors.incrementAndGet();
        log.warn(
            "Cluster {}: reconciling NodeMaintenance {} failed, retrying in {}: {}",
            ports.name(),
            name,
            errorRetry,
            e.toString());
        queue.add(name, errorRetry);
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    CompletableFuture<?> e = electing;
    if (e != null) {
      e.cancel(true);
    }
    stopLeading();
  }
}
