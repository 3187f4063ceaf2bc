package io.kubeward.maintenance.app;

import io.kubeward.maintenance.domain.MaintenanceReason;

/** Port: Kubernetes Events on a NodeMaintenance and on its nodes (best effort). */
public interface MaintenanceEvents {

  void onMaintenance(String maintenance, MaintenanceReason reason, boolean warning, String message);

  void onNode(
      String node, String maintenance, MaintenanceReason reason, boolean warning, String message);

  MaintenanceEvents NONE =
      new MaintenanceEvents() {
        @Override
        public void onMaintenance(
            String maintenance, MaintenanceReason reason, boolean warning, String message) {}

        @Override
        public void onNode(
            String node,
            String maintenance,
            MaintenanceReason reason,
            boolean warning,
            String message) {}
      };
}
