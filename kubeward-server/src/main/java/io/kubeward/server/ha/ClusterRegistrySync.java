package io.kubeward.server.ha;

import io.kubeward.cluster.app.ManageClusters;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this replica's runtime-added clusters those of the database (ADR 0053): {@link
 * ManageClusters#sync()} every {@code kubeward.ha.cluster-sync-interval} on one background thread.
 * Runs on every replica (each holds its own connections); it only reads the database.
 */
final class ClusterRegistrySync implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ClusterRegistrySync.class);

  private final ManageClusters clusters;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().daemon().name("kubeward-ha-cluster-sync").factory());
  private volatile boolean failing;

  ClusterRegistrySync(ManageClusters clusters, Duration interval) {
    this.clusters = clusters;
    long millis = interval.toMillis();
    timer.scheduleWithFixedDelay(this::syncQuietly, millis, millis, TimeUnit.MILLISECONDS);
  }

  void syncQuietly() {
    try {
      ManageClusters.Synced synced = clusters.sync();
      if (failing) {
        failing = false;
        log.info("Cluster registry sync works again");
      }
      if (synced.changed()) {
        log.info(
            "Cluster registry synced: connected {}, closed {}",
            synced.connected(),
            synced.closed());
      }
    } catch (RuntimeException e) {
      if (!failing) {
        failing = true;
        log.warn("Cluster registry sync failed (tried again every interval): {}", e.toString());
      }
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
