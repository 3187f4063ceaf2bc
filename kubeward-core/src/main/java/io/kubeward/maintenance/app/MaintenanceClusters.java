package io.kubeward.maintenance.app;

import java.util.Optional;

/** Port: the clusters in which maintenance is available (the NodeMaintenance CRD is installed). */
public interface MaintenanceClusters {

  /**
   * @return empty while the cluster is unknown to maintenance
   * @throws MaintenanceUnavailableException if the CRD is missing in that cluster
   */
  Optional<MaintenanceCluster> find(String cluster);
}
