package io.kubeward.server.maintenance;

import io.kubeward.common.Names;
import io.kubeward.drain.domain.DrainOptions;
import io.kubeward.maintenance.reconcile.MaintenanceReconciler;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Node maintenance ({@code kubeward.maintenance.*}); validated when bound. Leader election, CRD
 * installation and the cluster sync are the controller runtime's {@code kubeward.controllers.*};
 * drain defaults (timeout, blocked report) are the drain feature's {@code kubeward.drain.*}.
 *
 * @param enabled run the maintenance controller and serve the maintenance API
 * @param namespace namespace of the lock Lease and action Jobs; created if absent
 * @param poll how often waits (windows, actions, readiness) are checked
 * @param lockRetry how often a maintenance waiting for the lock tries again
 * @param drainPoll the longest time between two drain passes of a node
 */
@ConfigurationProperties("kubeward.maintenance")
public record MaintenanceProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("kubeward-system") String namespace,
    @DefaultValue("5s") Duration poll,
    @DefaultValue("5s") Duration lockRetry,
    @DefaultValue("2s") Duration drainPoll) {

  public MaintenanceProperties {
    if (!Names.isNamespace(namespace)) {
      throw new IllegalArgumentException("namespace must be a namespace name, is " + namespace);
    }
    positive("poll", poll);
    positive("lock-retry", lockRetry);
    positive("drain-poll", drainPoll);
  }

  private static void positive(String name, Duration value) {
    if (value == null || !value.isPositive()) {
      throw new IllegalArgumentException(name + " must be positive, is " + value);
    }
  }

  /**
   * @param drainDefaults the drain options where a maintenance sets none ({@code kubeward.drain.*})
   */
  public MaintenanceReconciler.Settings reconcile(DrainOptions drainDefaults) {
    return new MaintenanceReconciler.Settings(poll, lockRetry, drainPoll, drainDefaults);
  }
}
