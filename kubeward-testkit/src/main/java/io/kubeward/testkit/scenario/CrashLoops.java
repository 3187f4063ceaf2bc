package io.kubeward.testkit.scenario;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.testkit.Workloads;
import io.kubeward.testkit.controlplane.ControlPlane;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Crash-looping pods on KWOK nodes: a pod labelled {@code sim.kubeward.io/state: CrashLoopBackOff}
 * is put by KWOK's pod stages ({@code kwok/pod-stages.yaml}) into {@code waiting: CrashLoopBackOff}
 * with a growing restart count about 5 s after it was created.
 */
public final class CrashLoops {

  public static final String STATE = "CrashLoopBackOff";
  private static final Duration POLL = Duration.ofMillis(250);

  private CrashLoops() {}

  /**
   * Creates {@code count} bare pods {@code <prefix>-0 .. <prefix>-(count-1)} in {@code namespace}
   * that crash-loop, with the given extra labels and node selector (empty: any KWOK node). Returns
   * their names.
   */
  public static List<String> create(
      KubernetesClient client,
      String namespace,
      String prefix,
      int count,
      Map<String, String> labels,
      Map<String, String> nodeSelector) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String name = prefix + "-" + i;
      Map<String, String> all = new LinkedHashMap<>(labels);
      all.put(ControlPlane.SIMULATE_LABEL, STATE);
      Pod pod =
          new PodBuilder()
              .withNewMetadata()
              .withName(name)
              .withNamespace(namespace)
              .withLabels(all)
              .endMetadata()
              .withNewSpec()
              .withNodeSelector(nodeSelector)
              .addNewContainer()
              .withName("app")
              .withImage(Workloads.IMAGE)
              .endContainer()
              .endSpec()
              .build();
      client.pods().inNamespace(namespace).resource(pod).create();
      names.add(name);
    }
    return names;
  }

  /** Whether the pod's first container waits in CrashLoopBackOff. */
  public static boolean isCrashLooping(KubernetesClient client, String namespace, String name) {
    Pod pod = client.pods().inNamespace(namespace).withName(name).get();
    if (pod == null || pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
      return false;
    }
    return pod.getStatus().getContainerStatuses().stream()
        .map(ContainerStatus::getState)
        .anyMatch(
            s -> s != null && s.getWaiting() != null && STATE.equals(s.getWaiting().getReason()));
  }

  /** Waits until every named pod crash-loops; throws {@link AssertionError} at the deadline. */
  public static void awaitCrashLooping(
      KubernetesClient client, String namespace, List<String> names, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<String> missing = names;
    while (System.nanoTime() < deadline) {
      missing = names.stream().filter(n -> !isCrashLooping(client, namespace, n)).toList();
      if (missing.isEmpty()) {
        return;
      }
      pause();
    }
    throw new AssertionError(
        "Pods " + missing + " in " + namespace + " not in CrashLoopBackOff within " + timeout);
  }

  /** Ends the crash loop: the pods are deleted (their alerts resolve). */
  public static void delete(KubernetesClient client, String namespace, List<String> names) {
    for (String name : names) {
      client.pods().inNamespace(namespace).withName(name).withGracePeriod(0).delete();
    }
  }

  private static void pause() {
    try {
      Thread.sleep(POLL); // polling the apiserver between two checks of a condition
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
