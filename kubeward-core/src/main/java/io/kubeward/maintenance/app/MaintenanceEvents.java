package io.kubeward.maintenance.app;

import io.kubeward.maintenance.domain.MaintenanceReason;
import io.kubeward.runtime.app.EventRecorder;
import io.kubeward.runtime.app.EventTarget;

/** Port: Kubernetes Events on a NodeMaintenance and on its nodes (best effort). */
public interface MaintenanceEvents {

  void onMaintenance(String maintenance, MaintenanceReason reason, boolean warning, String message);

  void onNode(
      String node, String maintenance, MaintenanceReason reason, boolean warning, String message);

  /**
   * Events through the controller runtime's recorder: on the NodeMaintenance, and on nodes with the
   * message prefixed by the maintenance's name.
   */
  static MaintenanceEvents of(EventRecorder recorder) {
    return new MaintenanceEvents() {
      @Override
      public void onMaintenance(
          String maintenance, MaintenanceReason reason, boolean warning, String message) {
        recorder.record(
            new EventTarget("kubeward.io/v1alpha1", "NodeMaintenance", null, maintenance),
            reason,
            warning,
            message);
      }

      @Override
      public void onNode(
          String node,
          String maintenance,
          MaintenanceReason reason,
          boolean warning,
          String message) {
        recorder.record(
            EventTarget.node(node),
            reason,
            warning,
            "NodeMaintenance " + maintenance + ": " + message);
      }
    };
  }

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
