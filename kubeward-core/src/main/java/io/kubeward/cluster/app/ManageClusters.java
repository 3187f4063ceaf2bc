package io.kubeward.cluster.app;

import io.kubeward.access.app.Caller;
import io.kubeward.access.domain.Verb;
import io.kubeward.audit.app.AuditedAction;
import io.kubeward.common.Names;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Use cases: add a cluster at runtime from a kubeconfig, remove it, and restore the added clusters
 * at start-up. Adding and removing need ADMINISTER and are audited in cluster {@value #KUBEWARD} as
 * {@code cluster.add} / {@code cluster.remove}; the kubeconfig never appears in the audit log.
 */
public final class ManageClusters {

  private static final Logger log = LoggerFactory.getLogger(ManageClusters.class);
  public static final String KUBEWARD = "kubeward";
  static final int MAX_KUBECONFIG = 1024 * 1024;

  private final RuntimeClusterRegistry clusters;
  private final ClusterFactory factory;
  private final ClusterStore store;
  private final AuditedAction audited;
  private final Clock clock;
  // --- issue 18 ha ---
  private final Object lock = new Object();
  private final Set<String> reported = ConcurrentHashMap.newKeySet();

  // --- end issue 18 ha ---

  public ManageClusters(
      RuntimeClusterRegistry clusters,
      ClusterFactory factory,
      ClusterStore store,
      AuditedAction audited,
      Clock clock) {
    this.clusters = clusters;
    this.factory = factory;
    this.store = store;
    this.audited = audited;
    this.clock = clock;
  }

  /** What an admin sends to add a cluster. */
  public record NewCluster(String name, String kubeconfig, String context) {
    @Override
    public String toString() {
      return "NewCluster[name=" + name + ", context=" + context + "]";
    }
  }

  public ClusterStatus add(Caller caller, NewCluster request) {
    String name = request.name() == null ? "" : request.name().strip();
    return audited.run(
        caller,
        Verb.ADMINISTER,
        new AuditedAction.Target(KUBEWARD, null, "Cluster", name),
        "cluster.add",
        () -> {
          if (!Names.isNewClusterName(name)) {
            throw ClusterRequestException.invalidName(name);
          }
          if (clusters.find(name).isPresent()) {
            throw new ClusterExistsException(name);
          }
          if (request.kubeconfig() == null || request.kubeconfig().isBlank()) {
            throw ClusterRequestException.invalidKubeconfig(name, "the kubeconfig is empty");
          }
          String context =
              request.context() == null || request.context().isBlank()
                  ? null
                  : request.context().strip();
          ManagedCluster cluster = factory.connect(name, request.kubeconfig(), context);
          try {
            synchronized (lock) { // issue 18 ha: never between the row and the registry
              store.save(
                  new ClusterStore.StoredCluster(
                      name, request.kubeconfig(), context, caller.username(), clock.instant()));
              clusters.add(cluster);
            }
          } catch (RuntimeException e) {
            cluster.close();
            throw e;
          }
          log.info("Cluster {} added by {}", name, caller.username());
          return AuditedAction.Outcome.of(ClusterStatus.of(cluster, false));
        });
  }

  public void remove(Caller caller, String name) {
    audited.run(
        caller,
        Verb.ADMINISTER,
        new AuditedAction.Target(KUBEWARD, null, "Cluster", name),
        "cluster.remove",
        () -> {
          ManagedCluster cluster =
              clusters.find(name).orElseThrow(() -> new ClusterNotFoundException(name));
          if (cluster.source() != ManagedCluster.Source.ADDED) {
            throw ClusterRequestException.notRemovable(name);
          }
          synchronized (lock) { // issue 18 ha: never between the row and the registry
            store.delete(name);
            clusters.remove(name).ifPresent(ManagedCluster::close);
          }
          log.info("Cluster {} removed by {}", name, caller.username());
          return AuditedAction.Outcome.of(null);
        });
  }

  /**
   * Connects the clusters added earlier (at start-up: {@link #sync()}). One that can no longer be
   * used (a name now taken by the start-up configuration, a broken kubeconfig) is logged and
   * skipped; credentials the configured key does not decrypt stop the start.
   */
  public void restore() {
    // Every stored cluster must decrypt with the configured key before anything connects: a missing
    // or wrong key stops the start (CredentialKeyException) instead of skipping every cluster, so
    // a replica started without the site's key cannot pass for a healthy one (ADR 0009, 0053).
    store.load();
    sync();
  }

  // --- issue 18 ha ---
  /** What one {@link #sync()} changed in this replica. */
  public record Synced(List<String> connected, List<String> closed) {
    public Synced {
      connected = List.copyOf(connected);
      closed = List.copyOf(closed);
    }

    public boolean changed() {
      return !connected.isEmpty() || !closed.isEmpty();
    }
  }

  /**
   * Makes this replica's added clusters those of the database (ADR 0053): connects each stored
   * cluster it does not hold and closes each added cluster whose row is gone (removed through
   * another replica). Idempotent; a row that cannot be connected (broken kubeconfig, name taken by
   * the start-up configuration) is logged once and tried again at the next sync.
   */
  public Synced sync() {
    synchronized (lock) {
      Set<String> stored = store.names();
      List<String> closed = new ArrayList<>();
      for (ManagedCluster cluster : clusters.all()) {
        if (cluster.source() == ManagedCluster.Source.ADDED && !stored.contains(cluster.name())) {
          clusters.remove(cluster.name()).ifPresent(ManagedCluster::close);
          closed.add(cluster.name());
          log.info("Cluster {} closed: removed through another replica", cluster.name());
        }
      }
      List<String> connected = new ArrayList<>();
      for (String name : new TreeSet<>(stored)) {
        if (clusters.held(name).isEmpty() && connect(name)) {
          connected.add(name);
        }
      }
      reported.retainAll(stored);
      return new Synced(connected, closed);
    }
  }

  /**
   * Connects the stored cluster {@code name} if this replica does not hold it yet: the request path
   * asks this before answering that a cluster does not exist ({@link
   * RuntimeClusterRegistry#lookUpMissesWith}). Empty for a name that is not stored, not a cluster
   * name, or cannot be read now (database down: the caller answers as for an unknown name).
   */
  public Optional<ManagedCluster> connectStored(String name) {
    if (name == null || !Names.isNewClusterName(name)) {
      return Optional.empty();
    }
    synchronized (lock) {
      Optional<ManagedCluster> held = clusters.held(name);
      if (held.isPresent()) {
        return held;
      }
      return connect(name) ? clusters.held(name) : Optional.empty();
    }
  }

  private boolean connect(String name) {
    try {
      Optional<ClusterStore.StoredCluster> stored = store.find(name);
      if (stored.isEmpty()) {
        return false;
      }
      ManagedCluster cluster =
          factory.connect(name, stored.get().kubeconfig(), stored.get().context());
      try {
        clusters.add(cluster);
      } catch (RuntimeException e) {
        cluster.close();
        throw e;
      }
      reported.remove(name);
      log.info("Cluster {} connected (added by {})", name, stored.get().addedBy());
      return true;
    } catch (RuntimeException e) {
      if (reported.add(name)) {
        log.error("Cluster {} cannot be connected: {}", name, e.getMessage());
      }
      return false;
    }
  }
  // --- end issue 18 ha ---
}
