package io.kubeward.runtime.kube;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.cluster.app.ClusterRegistry;
import io.kubeward.cluster.app.ManagedCluster;
import io.kubeward.common.ControllerStatistics;
import io.kubeward.runtime.app.ControllerMetrics;
import io.kubeward.runtime.domain.CrdState;
import io.kubeward.runtime.domain.CrdStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every controller in every managed cluster. {@link #sync()} follows the cluster registry (called
 * at start, periodically and when a request names a cluster the runtime does not know yet): a new
 * cluster gets its {@link ClusterControllers}, set up on a background thread of its own, so that
 * neither a request nor another cluster ever waits for a slow one; a removed cluster loses them.
 * CRDs that are not available are checked again on each sync and on {@link #checkCrds}.
 */
public final class ControllerRuntime implements ControllerStatistics.Source, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ControllerRuntime.class);

  /** A cluster as the runtime sees it, for the API. */
  public record ClusterState(
      String cluster,
      boolean leading,
      String leader,
      List<CrdStatus> crds,
      List<ControllerState> controllers) {}

  /** One controller in one cluster. */
  public record ControllerState(String name, boolean running, ControllerMetrics metrics) {}

  private final ClusterRegistry registry;
  private final SystemClients clients;
  private final List<ControllerSpec<?>> specs;
  private final RuntimeSettings settings;
  private final Clock clock;
  private final String identity;
  private final ExecutorService background =
      Executors.newThreadPerTaskExecutor(
          Thread.ofVirtual().name("kubeward-controllers-setup-", 0).factory());
  private final Map<String, ClusterControllers> clusters = new ConcurrentHashMap<>();
  private volatile boolean closed;

  public ControllerRuntime(
      ClusterRegistry registry,
      SystemClients clients,
      List<ControllerSpec<?>> specs,
      RuntimeSettings settings,
      Clock clock,
      String identity) {
    this.registry = registry;
    this.clients = clients;
    this.specs = List.copyOf(specs);
    this.settings = settings;
    this.clock = clock;
    this.identity = identity;
    Set<String> names = new HashSet<>();
    for (ControllerSpec<?> spec : specs) {
      if (!names.add(spec.name())) {
        throw new IllegalArgumentException("two controllers named " + spec.name());
      }
    }
  }

  public String identity() {
    return identity;
  }

  public List<String> controllers() {
    return specs.stream().map(ControllerSpec::name).toList();
  }

  /**
   * Starts the controllers of new clusters, stops those of removed ones, re-checks CRDs that are
   * not available. Never blocks on a cluster: set-up runs in the background.
   */
  public synchronized void sync() {
    if (closed) {
      return;
    }
    Set<String> names = new HashSet<>();
    for (ManagedCluster cluster : registry.all()) {
      names.add(cluster.name());
      ClusterControllers current = clusters.get(cluster.name());
      if (current != null && current.cluster() != cluster) {
        stop(clusters.remove(cluster.name()));
        current = null;
      }
      if (current == null) {
        Optional<KubernetesClient> client = clients.systemClient(cluster);
        if (client.isEmpty()) {
          continue;
        }
        ClusterControllers started =
            new ClusterControllers(
                cluster, client.get(), specs, settings, background, clock, identity);
        clusters.put(cluster.name(), started);
        log.info("Cluster {}: setting up controllers {}", cluster.name(), controllers());
        started.start();
      } else {
        current.checkCrds(false);
      }
    }
    for (String name : new ArrayList<>(clusters.keySet())) {
      if (!names.contains(name)) {
        log.info("Cluster {}: removed, stopping its controllers", name);
        stop(clusters.remove(name));
      }
    }
  }

  /** Makes sure a cluster the registry knows is being set up (cheap; does not wait). */
  public void ensure(String cluster) {
    if (!clusters.containsKey(cluster) && registry.find(cluster).isPresent()) {
      sync();
    }
  }

  /** The last known state of {@code crd} in {@code cluster}. */
  public Optional<CrdStatus> crd(String cluster, String crd) {
    ClusterControllers c = clusters.get(cluster);
    return c == null ? Optional.empty() : c.crd(crd);
  }

  /**
   * The state of {@code crd} in {@code cluster}, waiting at most {@code max} for a check under way
   * (a bounded wait for requests that arrive while a cluster is being set up).
   */
  public CrdStatus awaitCrd(String cluster, String crd, Duration max) {
    ensure(cluster);
    ClusterControllers c = clusters.get(cluster);
    if (c == null) {
      return new CrdStatus(crd, CrdState.Failed, "no API client for cluster " + cluster, -1, null);
    }
    CrdStatus status = c.crd(crd).orElse(null);
    if (status != null && status.state() == CrdState.Pending) {
      try {
        c.checking().get(max.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        // still pending: the caller answers 503 and the client retries
      } catch (ExecutionException e) {
        log.debug("Cluster {}: CRD check failed: {}", cluster, e.getCause().toString());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      status = c.crd(crd).orElse(status);
    }
    return status == null
        ? new CrdStatus(
            crd, CrdState.Missing, "no controller of this build uses CRD " + crd, -1, null)
        : status;
  }

  /**
   * Checks and (if allowed) installs every CRD of {@code cluster} again, in the background (the
   * admin action).
   *
   * @return the check, completed when it ends; empty if the runtime does not know the cluster
   */
  public Optional<CompletableFuture<List<CrdStatus>>> checkCrds(String cluster) {
    ensure(cluster);
    ClusterControllers c = clusters.get(cluster);
    if (c == null) {
      return Optional.empty();
    }
    return Optional.of(c.checkCrds(true).thenApply(ignored -> c.crds()));
  }

  /** Whether this replica leads the controllers of {@code cluster}. */
  public boolean leading(String cluster) {
    ClusterControllers c = clusters.get(cluster);
    return c != null && c.leading();
  }

  /** Whether controller {@code name} runs in {@code cluster} on this replica now. */
  public boolean running(String cluster, String name) {
    ClusterControllers c = clusters.get(cluster);
    return c != null && c.running(name);
  }

  public Optional<ClusterState> state(String cluster) {
    ClusterControllers c = clusters.get(cluster);
    if (c == null) {
      return Optional.empty();
    }
    List<ControllerState> controllers =
        c.metrics().stream()
            .map(m -> new ControllerState(m.controller(), c.running(m.controller()), m))
            .toList();
    return Optional.of(new ClusterState(cluster, c.leading(), c.leader(), c.crds(), controllers));
  }

  /** The metrics of every controller in every cluster (plain getters, for a metrics registry). */
  public List<ControllerMetrics> metrics() {
    return clusters.values().stream().flatMap(c -> c.metrics().stream()).toList();
  }

  @Override
  public List<ControllerMetrics> controllerStatistics() {
    return metrics();
  }

  private static void stop(ClusterControllers c) {
    if (c != null) {
      c.close();
    }
  }

  @Override
  public synchronized void close() {
    closed = true;
    List<ClusterControllers> all = new ArrayList<>(clusters.values());
    clusters.clear();
    all.forEach(ControllerRuntime::stop);
    background.shutdownNow();
  }
}
