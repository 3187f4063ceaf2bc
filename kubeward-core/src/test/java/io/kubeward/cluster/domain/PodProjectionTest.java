package io.kubeward.cluster.domain;

import static io.kubeward.cluster.domain.TestPods.crashLoopAfter;
import static io.kubeward.cluster.domain.TestPods.pod;
import static io.kubeward.cluster.domain.TestPods.running;
import static io.kubeward.cluster.domain.TestPods.terminated;
import static io.kubeward.cluster.domain.TestPods.waiting;
import static io.kubeward.cluster.domain.TestPods.withContainer;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PodProjectionTest {

  @Test
  void keepsIdentityPlacementAndPhase() {
    PodView view = PodProjection.pod(withContainer("web-1", "Running", running()));

    assertThat(view)
        .usingRecursiveComparison()
        .ignoringFields("diagnosis")
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

    assertThat(PodProjection.pod(pod).phase()).isEqualTo(PodPhase.UNKNOWN);
    assertThat(PodProjection.pod(pod).problem()).isNull();
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
    assertThat(PodProjection.problemOf(withContainer("p", "Pending", waiting(reason))))
        .isEqualTo(expected);
  }

  @Test
  void harmlessWaitingReasonsAreNoProblem() {
    assertThat(PodProjection.problemOf(withContainer("p", "Pending", waiting("ContainerCreating"))))
        .isNull();
    assertThat(PodProjection.problemOf(withContainer("p", "Pending", waiting("PodInitializing"))))
        .isNull();
  }

  @Test
  void crashLoopAfterOomKillIsReportedAsOomKilled() {
    assertThat(PodProjection.problemOf(withContainer("p", "Running", crashLoopAfter("OOMKilled"))))
        .isEqualTo(PodProblem.OOM_KILLED);
    assertThat(PodProjection.problemOf(withContainer("p", "Running", crashLoopAfter("Error"))))
        .isEqualTo(PodProblem.CRASH_LOOP_BACK_OFF);
  }

  @Test
  void terminatedByOomIsOomKilled() {
    assertThat(PodProjection.problemOf(withContainer("p", "Failed", terminated("OOMKilled"))))
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

    PodView view = PodProjection.pod(pod);

    assertThat(view.problem()).isEqualTo(PodProblem.UNSCHEDULABLE);
    assertThat(view.nodeName()).isNull();
  }

  @Test
  void evictedPodIsEvicted() {
    Pod pod = pod("p", "Failed").editStatus().withReason("Evicted").endStatus().build();

    assertThat(PodProjection.problemOf(pod)).isEqualTo(PodProblem.EVICTED);
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

    assertThat(PodProjection.problemOf(pod)).isEqualTo(PodProblem.IMAGE_PULL_BACK_OFF);
  }

  @Test
  void succeededPodHasNoProblem() {
    Pod pod = withContainer("job", "Succeeded", terminated("Completed"));

    assertThat(PodProjection.problemOf(pod)).isNull();
  }
}
