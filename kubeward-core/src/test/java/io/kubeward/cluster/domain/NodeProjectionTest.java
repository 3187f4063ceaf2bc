package io.kubeward.cluster.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NodeProjectionTest {

  private NodeBuilder node(String readyStatus) {
    return new NodeBuilder()
        .withNewMetadata()
        .withName("n1")
        .withUid("u1")
        .withResourceVersion("3")
        .withLabels(Map.of(NodeProjection.ZONE_LABEL, "zone-a"))
        .endMetadata()
        .withNewStatus()
        .addNewCondition()
        .withType("MemoryPressure")
        .withStatus("False")
        .endCondition()
        .addNewCondition()
        .withType("Ready")
        .withStatus(readyStatus)
        .endCondition()
        .withAllocatable(
            Map.of(
                "cpu", new Quantity("3500m"),
                "memory", new Quantity("16Gi"),
                "pods", new Quantity("110")))
        .withNewNodeInfo()
        .withKubeletVersion("v1.34.1")
        .endNodeInfo()
        .endStatus();
  }

  @Test
  void projectsReadinessZoneAndAllocatable() {
    NodeView view = NodeProjection.node(node("True").build());

    assertThat(view)
        .isEqualTo(
            new NodeView(
                "n1",
                "u1",
                "3",
                null,
                view.labels(),
                true,
                false,
                "zone-a",
                java.util.List.of(),
                view.capacity(),
                new Resources(3500, 16L * 1024 * 1024 * 1024, 110),
                "v1.34.1",
                java.util.List.of(),
                java.util.List.of(),
                view.conditions(),
                new NodeVersions("v1.34.1", null, null, null, null)));
  }

  @Test
  void projectsRolesTaintsConditionsVersionsAndEphemeralStorage() {
    Node node =
        node("True")
            .editMetadata()
            .addToLabels("node-role.kubernetes.io/worker", "")
            .addToLabels("node-role.kubernetes.io/control-plane", "")
            .endMetadata()
            .withNewSpec()
            .addNewTaint()
            .withKey("dedicated")
            .withValue("gpu")
            .withEffect("NoSchedule")
            .endTaint()
            .addNewTaint()
            .withKey("node.kubernetes.io/unschedulable")
            .withEffect("NoExecute")
            .endTaint()
            .endSpec()
            .editStatus()
            .editLastCondition()
            .withReason("KubeletReady")
            .withMessage("kubelet is posting ready status")
            .withLastTransitionTime("2026-11-22T01:00:00Z")
            .withLastHeartbeatTime("2026-11-22T02:00:00Z")
            .endCondition()
            .withCapacity(Map.of("ephemeral-storage", new Quantity("100Gi")))
            .editNodeInfo()
            .withKubeProxyVersion("v1.34.1")
            .withOsImage("Debian GNU/Linux 13")
            .withKernelVersion("6.12.0")
            .withContainerRuntimeVersion("containerd://2.1.0")
            .endNodeInfo()
            .endStatus()
            .build();

    NodeView view = NodeProjection.node(node);

    assertThat(view.roles()).containsExactly("control-plane", "worker");
    assertThat(view.taints())
        .containsExactly(
            new NodeTaint("dedicated", "gpu", "NoSchedule"),
            new NodeTaint("node.kubernetes.io/unschedulable", "", "NoExecute"));
    assertThat(view.condition("Ready"))
        .isEqualTo(
            new NodeConditionView(
                "Ready",
                "True",
                "KubeletReady",
                "kubelet is posting ready status",
                java.time.Instant.parse("2026-11-22T01:00:00Z")));
    assertThat(view.versions())
        .isEqualTo(
            new NodeVersions(
                "v1.34.1", "v1.34.1", "Debian GNU/Linux 13", "6.12.0", "containerd://2.1.0"));
    assertThat(view.capacity().ephemeralStorageBytes()).isEqualTo(100L * 1024 * 1024 * 1024);
  }

  @Test
  void aHeartbeatAloneLeavesTheViewEqual() {
    Node before = node("True").build();
    Node after = node("True").withNewMetadataLike(before.getMetadata()).endMetadata().build();
    before.getStatus().getConditions().forEach(c -> c.setLastHeartbeatTime("2026-11-22T01:00:00Z"));
    after.getStatus().getConditions().forEach(c -> c.setLastHeartbeatTime("2026-11-22T01:00:40Z"));
    after.getMetadata().setResourceVersion("4");

    NodeView first = NodeProjection.node(before);
    NodeView second = NodeProjection.node(after);

    assertThat(second.withResourceVersion(first.resourceVersion())).isEqualTo(first);
  }

  @ParameterizedTest
  @CsvSource({"False", "Unknown"})
  void readyConditionOtherThanTrueIsNotReady(String status) {
    assertThat(NodeProjection.node(node(status).build()).ready()).isFalse();
  }

  @Test
  void cordonedNodeIsUnschedulable() {
    Node node = node("True").withNewSpec().withUnschedulable(true).endSpec().build();

    assertThat(NodeProjection.node(node).unschedulable()).isTrue();
  }

  @Test
  void legacyZoneLabelIsUsedWhenTheCurrentOneIsMissing() {
    Node node =
        node("True")
            .editMetadata()
            .withLabels(Map.of(NodeProjection.LEGACY_ZONE_LABEL, "old-zone"))
            .endMetadata()
            .build();

    assertThat(NodeProjection.node(node).zone()).isEqualTo("old-zone");
  }

  @Test
  void nodeWithoutStatusIsNotReadyAndHasNothingAllocatable() {
    NodeView view =
        NodeProjection.node(
            new NodeBuilder().withNewMetadata().withName("bare").endMetadata().build());

    assertThat(view.ready()).isFalse();
    assertThat(view.zone()).isNull();
    assertThat(view.allocatable()).isEqualTo(Resources.ZERO);
  }

  @Test
  void fractionalQuantitiesRoundUp() {
    assertThat(ProjectionSupport.millis(new Quantity("0.0005"))).isEqualTo(1);
    assertThat(ProjectionSupport.millis(new Quantity("2"))).isEqualTo(2000);
    assertThat(ProjectionSupport.whole(new Quantity("1Ki"))).isEqualTo(1024);
    assertThat(ProjectionSupport.whole(new Quantity("1M"))).isEqualTo(1_000_000);
  }
}
