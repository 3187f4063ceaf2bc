package io.kubeward.maintenance.app;

import io.kubeward.maintenance.domain.Maintenance;
import java.util.List;
import java.util.Optional;

/** Blocks a node while pods matching the maintenance's {@code blockers.podSelector} run on it. */
public final class PodSelectorBlocker implements MaintenanceBlocker {

  @Override
  public Optional<String> blocks(MaintenanceCluster cluster, Maintenance maintenance, String node) {
    var blockers = maintenance.spec().blockers();
    if (blockers == null || blockers.podSelector() == null) {
      return Optional.empty();
    }
    List<String> pods = cluster.nodes().podsMatching(node, blockers.podSelector());
    return pods.isEmpty()
        ? Optional.empty()
        : Optional.of("pods matching blockers.podSelector run on it: " + String.join(", ", pods));
  }
}
