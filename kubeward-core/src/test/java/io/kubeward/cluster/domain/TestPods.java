package io.kubeward.cluster.domain;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;

/** Builders of pods in the states the kubelet and scheduler report. */
final class TestPods {

  private TestPods() {}

  static PodBuilder pod(String name, String phase) {
    return new PodBuilder()
        .withNewMetadata()
        .withNamespace("shop")
        .withName(name)
        .withUid("uid-" + name)
        .withResourceVersion("7")
        .endMetadata()
        .withNewSpec()
        .withNodeName("node-1")
        .endSpec()
        .withNewStatus()
        .withPhase(phase)
        .endStatus();
  }

  static Pod withContainer(String name, String phase, ContainerStatus status) {
    return pod(name, phase).editStatus().withContainerStatuses(status).endStatus().build();
  }

  static ContainerStatus waiting(String reason) {
    return new ContainerStatusBuilder()
        .withName("app")
        .withNewState()
        .withNewWaiting()
        .withReason(reason)
        .endWaiting()
        .endState()
        .build();
  }

  static ContainerStatus crashLoopAfter(String lastReason) {
    return new ContainerStatusBuilder(waiting("CrashLoopBackOff"))
        .withNewLastState()
        .withNewTerminated()
        .withReason(lastReason)
        .withExitCode(137)
        .endTerminated()
        .endLastState()
        .build();
  }

  static ContainerStatus terminated(String reason) {
    return new ContainerStatusBuilder()
        .withName("app")
        .withNewState()
        .withNewTerminated()
        .withReason(reason)
        .withExitCode(137)
        .endTerminated()
        .endState()
        .build();
  }

  static ContainerStatus running() {
    return new ContainerStatusBuilder()
        .withName("app")
        .withReady(true)
        .withNewState()
        .withNewRunning()
        .endRunning()
        .endState()
        .build();
  }
}
