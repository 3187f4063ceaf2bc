package io.kubeward.alert.kube.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeward.maintenance.domain.Maintenance;
import io.kubeward.maintenance.domain.MaintenancePhase;
import io.kubeward.maintenance.domain.MaintenanceSpec;
import io.kubeward.maintenance.domain.MaintenanceStatus;
import io.kubeward.maintenance.domain.MaintenanceWindow;
import io.kubeward.maintenance.domain.NodeStatus;
import io.kubeward.maintenance.domain.NodeStep;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class KubeMaintainedNodesTest {

  private static final Instant TUESDAY_NOON = Instant.parse("2026-12-01T12:00:00Z");

  private static Maintenance maintenance(
      List<MaintenanceWindow> windows,
      MaintenancePhase phase,
      List<NodeStatus> nodes,
      boolean cancelled) {
    MaintenanceSpec spec =
        new MaintenanceSpec(
            List.of("n1", "n2", "n3"),
            null,
            1,
            null,
            windows,
            null,
            null,
            null,
            null,
            null,
            null,
            cancelled);
    MaintenanceStatus status =
        nodes == null ? null : new MaintenanceStatus(phase, null, List.of(), nodes, 1L);
    return new Maintenance("m", "ada", TUESDAY_NOON, "1", 1L, spec, status);
  }

  private static NodeStatus node(String name, NodeStep step) {
    return new NodeStatus(name, step, null, null, null, null, null);
  }

  @Test
  void nodesInAnOpenWindowAndNodesUnderWayAreMaintained() {
    List<MaintenanceWindow> nights =
        List.of(new MaintenanceWindow(List.of(), "22:00", "04:00", null));
    List<NodeStatus> nodes =
        List.of(
            node("n1", NodeStep.Done), node("n2", NodeStep.Draining), node("n3", NodeStep.Pending));
    // outside the window: only the node under way
    assertThat(
            KubeMaintainedNodes.maintained(
                List.of(maintenance(nights, MaintenancePhase.Running, nodes, false)), TUESDAY_NOON))
        .containsExactly("n2");
    // without windows (always open): every node not done yet
    assertThat(
            KubeMaintainedNodes.maintained(
                List.of(maintenance(List.of(), MaintenancePhase.Running, nodes, false)),
                TUESDAY_NOON))
        .containsExactly("n2", "n3");
    // not started yet (no status): the nodes it names
    assertThat(
            KubeMaintainedNodes.maintained(
                List.of(maintenance(List.of(), MaintenancePhase.Pending, null, false)),
                TUESDAY_NOON))
        .containsExactly("n1", "n2", "n3");
    // finished or cancelled: none
    assertThat(
            KubeMaintainedNodes.maintained(
                List.of(
                    maintenance(List.of(), MaintenancePhase.Succeeded, nodes, false),
                    maintenance(List.of(), MaintenancePhase.Running, nodes, true)),
                TUESDAY_NOON))
        .isEmpty();
  }
}
