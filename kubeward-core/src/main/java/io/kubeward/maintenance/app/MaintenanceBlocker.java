package io.kubeward.maintenance.app;

import io.kubeward.maintenance.domain.Maintenance;
import java.util.Optional;

/**
 * A reason not to start a node now (besides the windows): pods matching the blockers' selector, and
 * later firing alerts. The controller asks every blocker before it cordons a node.
 */
@FunctionalInterface
public interface MaintenanceBlocker {

  /** Why {@code node} must not be started now, or empty. */
  Optional<String> blocks(MaintenanceCluster cluster, Maintenance maintenance, String node);
}
