package io.kubeward.cluster.domain;

import static io.kubeward.cluster.domain.TestPods.crashLoopAfter;
import static io.kubeward.cluster.domain.TestPods.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PodDiagnosisProjectionTest {

  private static Pod healthy() {
    return pod("ok", "Running")
        .editSpec()
        .addNewContainer()
        .withName("app")
        .endContainer()
        .endSpec()
        .editStatus()
        .withContainerStatuses(TestPods.running())
        .endStatus()
        .build();
  }

  @Test
  void aRunningReadyPodWithoutRestartsHasNoDiagnosis() {
    assertThat(PodProjection.pod(healthy()).diagnosis()).isNull();
    assertThat(PodProjection.pod(healthy()).references()).isSameAs(PodReferences.NONE);
  }

  @Test
  void aCrashLoopKeepsStateLastTerminationAndReadinessSince() {
    Pod pod =
        pod("crash", "Running")
            .editSpec()
            .addNewContainer()
            .withName("app")
            .endContainer()
            .endSpec()
            .editStatus()
            .addNewCondition()
            .withType("Ready")
            .withStatus("False")
            .withLastTransitionTime("2026-12-03T10:00:00Z")
            .endCondition()
            .withContainerStatuses(
                new ContainerStatusBuilder(crashLoopAfter("OOMKilled"))
                    .withRestartCount(4)
                    .withImage("shop/web:1")
                    .editState()
                    .editWaiting()
                    .withMessage("back-off 40s restarting failed container=app")
                    .endWaiting()
                    .endState()
                    .build())
            .endStatus()
            .build();

    PodDiagnosis diagnosis = PodProjection.pod(pod).diagnosis();

    assertThat(diagnosis).isNotNull();
    assertThat(diagnosis.notReadySince()).isEqualTo(Instant.parse("2026-12-03T10:00:00Z"));
    PodDiagnosis.ContainerState app = diagnosis.containers().getFirst();
    assertThat(app.state()).isEqualTo("waiting");
    assertThat(app.reason()).isEqualTo("CrashLoopBackOff");
    assertThat(app.message()).contains("back-off 40s");
    assertThat(app.restarts()).isEqualTo(4);
    assertThat(app.image()).isEqualTo("shop/web:1");
    assertThat(app.last().reason()).isEqualTo("OOMKilled");
    assertThat(app.last().exitCode()).isEqualTo(137);
  }

  @Test
  void anUnschedulablePodKeepsTheSchedulersMessage() {
    Pod pod =
        pod("pending", "Pending")
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

    PodDiagnosis diagnosis = PodProjection.pod(pod).diagnosis();

    assertThat(diagnosis.scheduledReason()).isEqualTo("Unschedulable");
    assertThat(diagnosis.scheduledMessage())
        .isEqualTo("0/3 nodes are available: 3 Insufficient cpu.");
  }

  @Test
  void referencesComeFromVolumesEnvEnvFromProjectedAndPullSecrets() {
    Pod pod = withReferences("a");

    PodReferences refs = PodProjection.pod(pod).references();

    assertThat(refs.configMaps()).containsExactly("vol-cm", "proj-cm", "env-cm", "from-cm");
    assertThat(refs.secrets()).containsExactly("vol-secret", "proj-secret", "env-secret", "pull");
    assertThat(refs.claims()).containsExactly("data");
    assertThat(refs.optional()).containsExactly("ConfigMap/from-cm");
    assertThat(refs.references("PersistentVolumeClaim", "data")).isTrue();
  }

  @Test
  void podsReferencingTheSameObjectsShareOneInstance() {
    assertThat(PodProjection.pod(withReferences("a")).references())
        .isSameAs(PodProjection.pod(withReferences("b")).references());
  }

  private static Pod withReferences(String name) {
    return new PodBuilder(healthy())
        .editMetadata()
        .withName(name)
        .endMetadata()
        .editSpec()
        .addNewVolume()
        .withName("v1")
        .withNewConfigMap()
        .withName("vol-cm")
        .endConfigMap()
        .endVolume()
        .addNewVolume()
        .withName("v2")
        .withNewSecret()
        .withSecretName("vol-secret")
        .endSecret()
        .endVolume()
        .addNewVolume()
        .withName("v3")
        .withNewPersistentVolumeClaim()
        .withClaimName("data")
        .endPersistentVolumeClaim()
        .endVolume()
        .addNewVolume()
        .withName("v4")
        .withNewProjected()
        .addNewSource()
        .withNewConfigMap()
        .withName("proj-cm")
        .endConfigMap()
        .endSource()
        .addNewSource()
        .withNewSecret()
        .withName("proj-secret")
        .endSecret()
        .endSource()
        .endProjected()
        .endVolume()
        .editFirstContainer()
        .addNewEnv()
        .withName("A")
        .withNewValueFrom()
        .withNewConfigMapKeyRef()
        .withName("env-cm")
        .withKey("k")
        .endConfigMapKeyRef()
        .endValueFrom()
        .endEnv()
        .addNewEnv()
        .withName("B")
        .withNewValueFrom()
        .withNewSecretKeyRef()
        .withName("env-secret")
        .withKey("k")
        .endSecretKeyRef()
        .endValueFrom()
        .endEnv()
        .addNewEnvFrom()
        .withNewConfigMapRef()
        .withName("from-cm")
        .withOptional(true)
        .endConfigMapRef()
        .endEnvFrom()
        .endContainer()
        .addNewImagePullSecret()
        .withName("pull")
        .endImagePullSecret()
        .endSpec()
        .build();
  }
}
