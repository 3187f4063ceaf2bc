package io.kubeward.testkit.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.testkit.LocalControlPlane;
import io.kubeward.testkit.TestNamespace;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** The alerting scenarios on the local control plane: what the apiserver shows. */
@LocalControlPlane
class ScenariosIT {

  private static String unique(String prefix) {
    return prefix + "-" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 20), 36);
  }

  @Test
  void aScriptedNodeStopsHeartbeatingTheNodeControllerMarksItUnknownAndItRecovers(
      KubernetesClient client, TestNamespace ns) {
    try (ScriptedNode node = ScriptedNode.start(client, unique("scripted"), Map.of("pool", "a"))) {
      assertThat(node.readyConditionIs("True")).isTrue();
      Pod pod = node.crashLoopingPod(ns.name(), "looper", Map.of("app", "looper"), 4);
      assertThat(pod.getSpec().getNodeName()).isEqualTo(node.name());
      assertThat(CrashLoops.isCrashLooping(client, ns.name(), "looper")).isTrue();
      Pod running = node.runPod(ns.name(), "runner", Map.of("app", "runner"));
      assertThat(running.getStatus().getPhase()).isEqualTo("Running");

      node.reportNotReady("ContainerRuntimeDown", "container runtime is down");
      assertThat(node.readyConditionIs("False")).isTrue();
      node.recover();
      assertThat(node.readyConditionIs("True")).isTrue();

      node.stopHeartbeats();
      // the node controller's grace period (50 s) plus its monitor period
      await()
          .atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> node.readyConditionIs("Unknown"));

      node.recover();
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> node.readyConditionIs("True"));
    }
  }

  @Test
  void kwokPodsCrashLoopOnRequest(KubernetesClient client, TestNamespace ns) {
    List<String> pods = CrashLoops.create(client, ns.name(), "crasher", 2, Map.of(), Map.of());
    CrashLoops.awaitCrashLooping(client, ns.name(), pods, Duration.ofSeconds(90));
    CrashLoops.delete(client, ns.name(), pods);
  }
}
