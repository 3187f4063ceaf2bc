package io.kubeward.cluster.app;

import io.kubeward.access.app.Caller;
import io.kubeward.access.domain.Verb;
import io.kubeward.audit.app.AuditedAction;
import io.kubeward.common.Names;
import java.time.Clock;
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
            store.save(
                new ClusterStore.StoredCluster(
                    name, request.kubeconfig(), context, caller.username(), clock.instant()));
            clusters.add(cluster);
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
          store.delete(name);
          clusters.remove(name).ifPresent(ManagedCluster::close);
          log.info("Cluster {} removed by {}", name, caller.username());
          return AuditedAction.Outcome.of(null);
        });
  }

  /**
   * Connects the clusters added earlier. One that can no longer be used (a name now taken by the
   * start-up configuration, a broken kubeconfig) is logged and skipped, never fatal.
   */
  public void restore() {
    for (ClusterStore.StoredCluster stored : store.load()) {
      try {
        ManagedCluster cluster =
            factory.connect(stored.name(), stored.kubeconfig(), stored.context());
        try {
          clusters.add(cluster);
        } catch (RuntimeException e) {
          cluster.close();
          throw e;
        }
        log.info("Cluster {} restored (added by {})", stored.name(), stored.addedBy());
      } catch (RuntimeException e) {
        log.error("Cluster {} cannot be restored: {}", stored.name(), e.getMessage());
      }
    }
  }
}
