package io.kubeward.server.maintenance;

import io.kubeward.common.Names;
import io.kubeward.drain.domain.DrainOptions;
import io.kubeward.maintenance.reconcile.MaintenanceController;
import io.kubeward.maintenance.reconcile.MaintenanceControllers;
import io.kubeward.maintenance.reconcile.MaintenanceReconciler;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Node maintenance ({@code kubeward.maintenance.*}); validated when bound. Drain defaults (timeout,
 * blocked report) are the drain feature's {@code kubeward.drain.*}.
 *
 * @param enabled run the maintenance controllers and serve the maintenance API
 * @param namespace namespace of the leader-election Lease, the lock Lease and action Jobs; created
 *     if absent
 * @param installCrd server-side apply the NodeMaintenance CRD at start (needs the permission)
 * @param crdEstablishTimeout how long to wait for the CRD to be Established
 * @param poll how often waits (windows, actions, readiness) are checked
 * @param lockRetry how often a maintenance waiting for the lock (or after an error) tries again
 * @param drainPoll the longest time between two drain passes of a node
 * @param leaseDuration leader election: how long a leader's Lease is valid
 * @param renewDeadline leader election: how long the leader tries to renew before it gives up
 * @param retryPeriod leader election: time between attempts
 * @param clusterSyncInterval how often clusters added or removed at runtime are picked up
 */
@ConfigurationProperties("kubeward.maintenance")
public record MaintenanceProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("kubeward-system") String namespace,
    @DefaultValue("true") boolean installCrd,
    @DefaultValue("30s") Duration crdEstablishTimeout,
    @DefaultValue("5s") Duration poll,
    @DefaultValue("5s") Duration lockRetry,
    @DefaultValue("2s") Duration drainPoll,
    @DefaultValue("15s") Duration leaseDuration,
    @DefaultValue("10s") Duration renewDeadline,
    @DefaultValue("2s") Duration retryPeriod,
    @DefaultValue("15s") Duration clusterSyncInterval) {

  public MaintenanceProperties {
    if (!Names.isNamespace(namespace)) {
      throw new IllegalArgumentException("namespace must be a namespace name, is " + namespace);
    }
    positive("crd-establish-timeout", crdEstablishTimeout);
    positive("poll", poll);
    positive("lock-retry", lockRetry);
    positive("drain-poll", drainPoll);
    positive("cluster-sync-interval", clusterSyncInterval);
    election(leaseDuration, renewDeadline, retryPeriod);
  }

  private static void positive(String name, Duration value) {
    if (value == null || !value.isPositive()) {
      throw new IllegalArgumentException(name + " must be positive, is " + value);
    }
  }

  private static MaintenanceController.Election election(
      Duration leaseDuration, Duration renewDeadline, Duration retryPeriod) {
    return new MaintenanceController.Election(leaseDuration, renewDeadline, retryPeriod);
  }

  /**
   * @param drainDefaults the drain options where a maintenance sets none ({@code kubeward.drain.*})
   */
  public MaintenanceControllers.Settings settings(DrainOptions drainDefaults) {
    return new MaintenanceControllers.Settings(
        namespace,
        installCrd,
        crdEstablishTimeout,
        election(leaseDuration, renewDeadline, retryPeriod),
        new MaintenanceReconciler.Settings(poll, lockRetry, drainPoll, drainDefaults));
  }
}
