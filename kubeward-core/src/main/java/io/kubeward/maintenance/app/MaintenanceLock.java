package io.kubeward.maintenance.app;

import java.util.Optional;
import java.util.function.Predicate;

/**
 * Port: the cluster-wide lock on node maintenance (one Lease); its holder is the maintenance that
 * works on nodes. Other maintenances wait until it is released.
 */
public interface MaintenanceLock {

  /**
   * Takes the lock for {@code maintenance} if it is free, already held by it, or held by a
   * maintenance for which {@code stale} answers true (finished or deleted).
   *
   * @return whether {@code maintenance} holds the lock now
   */
  boolean tryAcquire(String maintenance, Predicate<String> stale);

  /** Releases the lock if {@code maintenance} holds it. */
  void release(String maintenance);

  Optional<String> holder();
}
