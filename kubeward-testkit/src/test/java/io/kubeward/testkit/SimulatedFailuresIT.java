package io.kubeward.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.testkit.controlplane.ControlPlane;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Pods can ask KWOK for failure states that consoles and diagnostics must recognise. */
@LocalControlPlane
class SimulatedFailuresIT {

  @Test
  void crashLoopingPodIsWaitingInCrashLoopBackOffWithGrowingRestarts(
      KubernetesClient client, TestNamespace ns) {
    client.pods().inNamespace(ns.name()).resource(pod("crasher", "CrashLoopBackOff")).create();

    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              ContainerStatus status = containerStatus(client, ns, "crasher");
              assertThat(status.getState().getWaiting().getReason()).isEqualTo("CrashLoopBackOff");
              assertThat(status.getLastState().getTerminated().getExitCode()).isEqualTo(1);
              assertThat(status.getRestartCount()).isGreaterThanOrEqualTo(2);
            });
  }

  @Test
  void podWithUnpullableImageIsPendingInImagePullBackOff(
      KubernetesClient client, TestNamespace ns) {
    client.pods().inNamespace(ns.name()).resource(pod("puller", "ImagePullBackOff")).create();

    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              Pod pod = client.pods().inNamespace(ns.name()).withName("puller").get();
              assertThat(pod.getStatus().getPhase()).isEqualTo("Pending");
              assertThat(containerStatus(client, ns, "puller").getState().getWaiting().getReason())
                  .isEqualTo("ImagePullBackOff");
            });
  }

  private static ContainerStatus containerStatus(
      KubernetesClient client, TestNamespace ns, String name) {
    Pod pod = client.pods().inNamespace(ns.name()).withName(name).get();
    assertThat(pod.getStatus().getContainerStatuses()).isNotEmpty();
    return pod.getStatus().getContainerStatuses().getFirst();
  }

  private static Pod pod(String name, String state) {
    return new PodBuilder()
        .withNewMetadata()
        .withName(name)
        .addToLabels(ControlPlane.SIMULATE_LABEL, state)
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("app")
        .withImage("registry.example/" + name + ":1.0")
        .endContainer()
        .endSpec()
        .build();
  }
}
