package io.kubeward.cluster.domain;

import static io.kubeward.cluster.domain.TestPods.crashLoopAfter;
import static io.kubeward.cluster.domain.TestPods.pod;
import static io.kubeward.cluster.domain.TestPods.running;
import static io.kubeward.cluster.domain.TestPods.terminated;
import static io.kubeward.cluster.domain.TestPods.waiting;
import static io.kubeward.cluster.domain.TestPods.withContainer;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProjectionsTest {

  @Nested
  class Pods {

    @Test
    void keepsIdentityPlacementAndPhase() {
      PodView view = Projections.pod(withContainer("web-1", "Running", running()));

      assertThat(view)
          .isEqualTo(
              new PodView(
                  "shop",
                  "web-1",
                  "uid-web-1",
                  "7",
                  null,
                  java.util.Map.of(),
                  null,
                  "node-1",
                  PodPhase.RUNNING,
                  null,
                  "1/0",
                  0,
                  null,
                  new Resources(0, 0, 1),
                  new Resources(0, 0, 1)));
    }

    @Test
    void missingStatusIsUnknownWithoutProblem() {
      Pod pod = pod("new", null).withStatus(null).build();

      assertThat(Projections.pod(pod).phase()).isEqualTo(PodPhase.UNKNOWN);
      assertThat(Projections.pod(pod).problem()).isNull();
    }

    @ParameterizedTest
    @CsvSource({
      "CrashLoopBackOff, CRASH_LOOP_BACK_OFF",
      "ImagePullBackOff, IMAGE_PULL_BACK_OFF",
      "ErrImagePull, ERR_IMAGE_PULL",
      "InvalidImageName, ERR_IMAGE_PULL",
      "CreateContainerConfigError, CREATE_CONTAINER_CONFIG_ERROR",
    })
    void waitingReasonBecomesProblem(String reason, PodProblem expected) {
      assertThat(Projections.problemOf(withContainer("p", "Pending", waiting(reason))))
          .isEqualTo(expected);
    }

    @Test
    void harmlessWaitingReasonsAreNoProblem() {
      assertThat(Projections.problemOf(withContainer("p", "Pending", waiting("ContainerCreating"))))
          .isNull();
      assertThat(Projections.problemOf(withContainer("p", "Pending", waiting("PodInitializing"))))
          .isNull();
    }

    @Test
    void crashLoopAfterOomKillIsReportedAsOomKilled() {
      assertThat(Projections.problemOf(withContainer("p", "Running", crashLoopAfter("OOMKilled"))))
          .isEqualTo(PodProblem.OOM_KILLED);
      assertThat(Projections.problemOf(withContainer("p", "Running", crashLoopAfter("Error"))))
          .isEqualTo(PodProblem.CRASH_LOOP_BACK_OFF);
    }

    @Test
    void terminatedByOomIsOomKilled() {
      assertThat(Projections.problemOf(withContainer("p", "Failed", terminated("OOMKilled"))))
          .isEqualTo(PodProblem.OOM_KILLED);
    }

    @Test
    void unschedulableComesFromThePodScheduledCondition() {
      Pod pod =
          pod("p", "Pending")
              .editSpec()
              .withNodeName(null)
              .endSpec()
              .editStatus()
              .addNewCondition()
              .withType("PodScheduled")
              .withStatus("False")
              .withReason("Unschedulable")
              .withMessage("0/3 nodes are available: 3 Insufficient cpu.")
              .endCondition()
              .endStatus()
              .build();

      PodView view = Projections.pod(pod);

      assertThat(view.problem()).isEqualTo(PodProblem.UNSCHEDULABLE);
      assertThat(view.nodeName()).isNull();
    }

    @Test
    void evictedPodIsEvicted() {
      Pod pod = pod("p", "Failed").editStatus().withReason("Evicted").endStatus().build();

      assertThat(Projections.problemOf(pod)).isEqualTo(PodProblem.EVICTED);
    }

    @Test
    void mostSevereContainerProblemWinsIncludingInitContainers() {
      Pod pod =
          pod("p", "Pending")
              .editStatus()
              .withInitContainerStatuses(waiting("ImagePullBackOff"))
              .withContainerStatuses(waiting("CrashLoopBackOff"))
              .endStatus()
              .build();

      assertThat(Projections.problemOf(pod)).isEqualTo(PodProblem.IMAGE_PULL_BACK_OFF);
    }

    @Test
    void succeededPodHasNoProblem() {
      Pod pod = withContainer("job", "Succeeded", terminated("Completed"));

      assertThat(Projections.problemOf(pod)).isNull();
    }
  }

  @Nested
  class Nodes {

    private NodeBuilder node(String readyStatus) {
      return new NodeBuilder()
          .withNewMetadata()
          .withName("n1")
          .withUid("u1")
          .withResourceVersion("3")
          .withLabels(Map.of(Projections.ZONE_LABEL, "zone-a"))
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
      NodeView view = Projections.node(node("True").build());

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

      NodeView view = Projections.node(node);

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
      before
          .getStatus()
          .getConditions()
          .forEach(c -> c.setLastHeartbeatTime("2026-11-22T01:00:00Z"));
      after
          .getStatus()
          .getConditions()
          .forEach(c -> c.setLastHeartbeatTime("2026-11-22T01:00:40Z"));
      after.getMetadata().setResourceVersion("4");

      NodeView first = Projections.node(before);
      NodeView second = Projections.node(after);

      assertThat(second.withResourceVersion(first.resourceVersion())).isEqualTo(first);
    }

    @ParameterizedTest
    @CsvSource({"False", "Unknown"})
    void readyConditionOtherThanTrueIsNotReady(String status) {
      assertThat(Projections.node(node(status).build()).ready()).isFalse();
    }

    @Test
    void cordonedNodeIsUnschedulable() {
      Node node = node("True").withNewSpec().withUnschedulable(true).endSpec().build();

      assertThat(Projections.node(node).unschedulable()).isTrue();
    }

    @Test
    void legacyZoneLabelIsUsedWhenTheCurrentOneIsMissing() {
      Node node =
          node("True")
              .editMetadata()
              .withLabels(Map.of(Projections.LEGACY_ZONE_LABEL, "old-zone"))
              .endMetadata()
              .build();

      assertThat(Projections.node(node).zone()).isEqualTo("old-zone");
    }

    @Test
    void nodeWithoutStatusIsNotReadyAndHasNothingAllocatable() {
      NodeView view =
          Projections.node(
              new NodeBuilder().withNewMetadata().withName("bare").endMetadata().build());

      assertThat(view.ready()).isFalse();
      assertThat(view.zone()).isNull();
      assertThat(view.allocatable()).isEqualTo(Resources.ZERO);
    }

    @Test
    void fractionalQuantitiesRoundUp() {
      assertThat(Projections.millis(new Quantity("0.0005"))).isEqualTo(1);
      assertThat(Projections.millis(new Quantity("2"))).isEqualTo(2000);
      assertThat(Projections.whole(new Quantity("1Ki"))).isEqualTo(1024);
      assertThat(Projections.whole(new Quantity("1M"))).isEqualTo(1_000_000);
    }
  }

  @Test
  void deploymentReplicaCountsDefaultSensibly() {
    DeploymentView view =
        Projections.deployment(
            new DeploymentBuilder()
                .withNewMetadata()
                .withNamespace("shop")
                .withName("web")
                .endMetadata()
                .withNewSpec()
                .endSpec()
                .build());

    assertThat(view.desired()).isEqualTo(1);
    assertThat(view.available()).isZero();
    assertThat(view.fullyAvailable()).isFalse();
  }

  @Test
  void namespaceAndServiceKeepTheirTypeAndPhase() {
    assertThat(
            Projections.namespace(
                new NamespaceBuilder()
                    .withNewMetadata()
                    .withName("shop")
                    .endMetadata()
                    .withNewStatus()
                    .withPhase("Terminating")
                    .endStatus()
                    .build()))
        .extracting(NamespaceView::phase)
        .isEqualTo("Terminating");
    assertThat(
            Projections.service(
                new ServiceBuilder()
                    .withNewMetadata()
                    .withNamespace("shop")
                    .withName("web")
                    .endMetadata()
                    .withNewSpec()
                    .withType("NodePort")
                    .endSpec()
                    .build()))
        .extracting(ServiceView::type)
        .isEqualTo("NodePort");
  }
}
