package io.kubeward.testkit.scenario;

import static io.kubeward.testkit.scenario.ReleaseScenario.CANARY;
import static io.kubeward.testkit.scenario.ReleaseScenario.NEW_IMAGE;
import static io.kubeward.testkit.scenario.ReleaseScenario.STABLE;
import static io.kubeward.testkit.scenario.ReleaseScenario.STABLE_IMAGE;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.testkit.LocalControlPlane;
import io.kubeward.testkit.TestNamespace;
import io.kubeward.testkit.scenario.ReleaseScenario.Pods;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link ReleaseScenario} against the local control plane, with a canary made by hand the way a
 * Release makes one: the pods per track and version, the Services' endpoints and the replica
 * history read from the apiserver.
 */
@LocalControlPlane
class ReleaseScenarioIT {

  static final Duration DEADLINE = Duration.ofSeconds(90);

  @Test
  void countsPodsPerTrackAndVersionAndSeesWhichPodsAServiceSelects(
      KubernetesClient kube, TestNamespace ns) {
    ReleaseScenario web = ReleaseScenario.create(kube, ns.name(), "web", 4);
    try (ReleaseScenario.ReplicaHistory history = web.recordReplicas()) {
      Pods start = web.awaitAvailable(DEADLINE).pods();
      assertThat(start.settledAt(4, 0)).isTrue();
      assertThat(start.readyWithImage(STABLE_IMAGE)).isEqualTo(4);
      assertThat(start.live()).allSatisfy(p -> assertThat(p.templateHash()).isNotBlank());
      assertThat(web.selector("web")).isEqualTo(Map.of("app", "web"));
      web.awaitEndpoints("web", start.names(p -> true), DEADLINE);

      // a canary Deployment of one pod beside three stable ones
      Deployment canary = ReleaseScenario.deployment("web-canary", 1);
      canary
          .getSpec()
          .getSelector()
          .getMatchLabels()
          .put(ReleaseScenario.TRACK_LABEL, ReleaseScenario.CANARY);
      canary
          .getSpec()
          .getTemplate()
          .getMetadata()
          .getLabels()
          .putAll(Map.of("app", "web", ReleaseScenario.TRACK_LABEL, ReleaseScenario.CANARY));
      canary.getSpec().getSelector().getMatchLabels().put("app", "web");
      canary.getSpec().getTemplate().getSpec().getContainers().getFirst().setImage(NEW_IMAGE);
      kube.apps().deployments().inNamespace(ns.name()).resource(canary).create();
      kube.apps().deployments().inNamespace(ns.name()).withName("web").scale(3);

      Pods split = web.awaitSettled(3, 1, DEADLINE);
      assertThat(split.readyWithImage(NEW_IMAGE)).isEqualTo(1);
      assertThat(split.count(CANARY)).isEqualTo(1);
      assertThat(split.count(STABLE)).isEqualTo(3);
      web.withService("web-only-canary", Map.of("app", "web", ReleaseScenario.TRACK_LABEL, CANARY));
      web.awaitEndpoints("web-only-canary", split.names(p -> p.track().equals(CANARY)), DEADLINE);
      web.awaitEndpoints("web", split.names(p -> true), DEADLINE);

      ReleaseScenario.awaitValue(
          "the scale history of web",
          () -> history.of("web"),
          h -> h.equals(java.util.List.of(4, 3)),
          DEADLINE);
      assertThat(history.of("web-canary")).containsExactly(1);
      assertThat(web.eventCount("Deployment", "web", "ScalingReplicaSet")).isPositive();
    }
  }
}
