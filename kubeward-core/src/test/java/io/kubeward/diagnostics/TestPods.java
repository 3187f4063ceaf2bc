package io.kubeward.diagnostics;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.kubeward.cluster.domain.PodProjection;
import io.kubeward.cluster.domain.PodView;

/** Pods as the kubelet and scheduler report them, projected as the cache does. */
public final class TestPods {

  private TestPods() {}

  public static PodBuilder pod(String namespace, String name, String phase) {
    return new PodBuilder()
        .withNewMetadata()
        .withNamespace(namespace)
        .withName(name)
        .withUid("uid-" + name)
        .withResourceVersion("1")
        .withCreationTimestamp("2026-01-01T00:00:00Z")
        .endMetadata()
        .withNewSpec()
        .withNodeName("node-1")
        .addNewContainer()
        .withName("app")
        .withImage("shop/web:1")
        .withNewResources()
        .addToRequests("cpu", new Quantity("100m"))
        .addToRequests("memory", new Quantity("64Mi"))
        .addToLimits("memory", new Quantity("128Mi"))
        .endResources()
        .endContainer()
        .endSpec()
        .withNewStatus()
        .withPhase(phase)
        .withStartTime("2026-01-01T00:00:00Z")
        .endStatus();
  }

  public static PodView healthy(String namespace, String name) {
    return PodProjection.pod(
        pod(namespace, name, "Running")
            .editStatus()
            .withContainerStatuses(running())
            .endStatus()
            .build());
  }

  public static PodView view(Pod pod) {
    return PodProjection.pod(pod);
  }

  public static ContainerStatus running() {
    return new ContainerStatusBuilder()
        .withName("app")
        .withImage("shop/web:1")
        .withReady(true)
        .withRestartCount(0)
        .withNewState()
        .withNewRunning()
        .withStartedAt("2026-01-01T00:00:00Z")
        .endRunning()
        .endState()
        .build();
  }

  public static ContainerStatus waiting(String reason, String message) {
    return new ContainerStatusBuilder()
        .withName("app")
        .withImage("shop/web:1")
        .withReady(false)
        .withRestartCount(0)
        .withNewState()
        .withNewWaiting()
        .withReason(reason)
        .withMessage(message)
        .endWaiting()
        .endState()
        .build();
  }

  public static ContainerStatus crashLoop(int restarts, String lastReason, int exitCode) {
    return new ContainerStatusBuilder(
            waiting("CrashLoopBackOff", "back-off 40s restarting failed container=app"))
        .withRestartCount(restarts)
        .withNewLastState()
        .withNewTerminated()
        .withReason(lastReason)
        .withExitCode(exitCode)
        .withStartedAt("2026-01-01T00:09:00Z")
        .withFinishedAt("2026-01-01T00:09:30Z")
        .endTerminated()
        .endLastState()
        .build();
  }

  public static PodView withStatus(String name, String phase, ContainerStatus status) {
    return view(
        pod("shop", name, phase).editStatus().withContainerStatuses(status).endStatus().build());
  }

  public static PodView unschedulable(String name, String message) {
    return view(
        pod("shop", name, "Pending")
            .editSpec()
            .withNodeName(null)
            .endSpec()
            .editStatus()
            .addNewCondition()
            .withType("PodScheduled")
            .withStatus("False")
            .withReason("Unschedulable")
            .withMessage(message)
            .endCondition()
            .endStatus()
            .build());
  }
}
