package io.kubeward.server.release.proof;

import static io.kubeward.server.release.proof.ReleaseApi.canary;
import static io.kubeward.server.release.proof.ReleaseApi.canaryReplicas;
import static io.kubeward.server.release.proof.ReleaseApi.pauseUntilPromoted;
import static io.kubeward.server.release.proof.ReleaseApi.setWeight;
import static io.kubeward.testkit.scenario.ReleaseScenario.CANARY;
import static io.kubeward.testkit.scenario.ReleaseScenario.NEW_IMAGE;
import static io.kubeward.testkit.scenario.ReleaseScenario.STABLE;
import static io.kubeward.testkit.scenario.ReleaseScenario.STABLE_IMAGE;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.server.RunningServer;
import io.kubeward.testkit.LocalControlPlane;
import io.kubeward.testkit.TestNamespace;
import io.kubeward.testkit.controlplane.ControlPlane;
import io.kubeward.testkit.scenario.ReleaseScenario;
import io.kubeward.testkit.scenario.ReleaseScenario.Pods;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Canary by replica ratio (no router): the stable Service selects the pods of both versions and
 * traffic follows the pod count. At every step the pods counted <b>from the apiserver</b> are
 * exactly {@code ceil(total * w / 100)} canary pods and {@code total - canary} stable ones, all
 * ready; promotion takes the Deployment itself to the new version; an abort gives all replicas back
 * to stable and a retry starts again at step 0.
 */
@LocalControlPlane
class CanaryReplicaRatioIT {

  static final String CLUSTER = "local";
  static final int TOTAL = 10;
  static final Duration STEP = Duration.ofSeconds(90);

  static RunningServer server;
  static ReleaseApi api;

  @BeforeAll
  static void start(ControlPlane controlPlane, KubernetesClient kube) {
    server = RunningServer.start(serverArguments(controlPlane));
    api = ReleaseApi.of(server.admin(), kube, CLUSTER);
    api.awaitCrd();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  /** The server on the shared control plane, with short controller timings. */
  static String[] serverArguments(ControlPlane controlPlane) {
    return new String[] {
      "--kubeconfig",
      controlPlane.kubewardKubeconfig().toString(),
      "--kubeward.cluster-name=" + CLUSTER,
      "--kubeward.probe.interval=1s",
      "--kubeward.controllers.lease-duration=4s",
      "--kubeward.controllers.renew-deadline=3s",
      "--kubeward.controllers.retry-period=500ms",
      "--kubeward.release.readiness-poll=500ms"
    };
  }

  @Test
  void theRatioHoldsAtEachStepAndPromotionTakesTheDeploymentToTheNewVersion(
      KubernetesClient kube, TestNamespace ns) {
    ReleaseScenario web = ReleaseScenario.create(kube, ns.name(), "web", TOTAL);
    web.awaitAvailable(STEP);
    List<Integer> weights = List.of(20, 50, 80);
    api.create(
        ns.name(),
        "web-v2",
        canary(
            "web",
            List.of(
                setWeight(weights.get(0)),
                pauseUntilPromoted(),
                setWeight(weights.get(1)),
                pauseUntilPromoted(),
                setWeight(weights.get(2)),
                pauseUntilPromoted())));

    for (int i = 0; i < weights.size(); i++) {
      int weight = weights.get(i);
      int canary = canaryReplicas(TOTAL, weight);
      ReleaseApi.Status status = api.awaitPausedAt(ns.name(), "web-v2", 2 * i + 1, STEP);
      assertThat(status.canaryWeight()).as("status.canaryWeight").isEqualTo(weight);
      assertThat(status.totalReplicas()).as("status.totalReplicas").isEqualTo(TOTAL);
      Pods pods = web.awaitSettled(TOTAL - canary, canary, STEP);
      assertRatio(pods, TOTAL - canary, canary);
      // and it holds while the Release waits
      assertRatio(web.pods(), TOTAL - canary, canary);
      if (i == 0) {
        assertThat(status.stableHash()).isNotBlank();
        assertThat(pods.names(p -> p.track().equals(STABLE)))
            .allSatisfy(
                name ->
                    assertThat(
                            pods.live().stream()
                                .filter(p -> p.name().equals(name))
                                .findFirst()
                                .orElseThrow()
                                .templateHash())
                        .isEqualTo(status.stableHash()));
        assertThat(api.get(ns.name(), "web-v2").status()).isEqualTo(200);
      }
      api.promote(ns.name(), "web-v2", false);
    }

    api.awaitPhase(ns.name(), "web-v2", "Succeeded", STEP);
    Pods promoted =
        web.awaitPods(
            "all " + TOTAL + " pods on the new version, the canary gone",
            p ->
                p.live().size() == TOTAL
                    && p.readyWithImage(NEW_IMAGE) == TOTAL
                    && p.count(CANARY) == 0,
            STEP);
    assertThat(promoted.withImage(STABLE_IMAGE)).isZero();
    Deployment target = kube.apps().deployments().inNamespace(ns.name()).withName("web").get();
    assertThat(target.getSpec().getTemplate().getSpec().getContainers().getFirst().getImage())
        .isEqualTo(NEW_IMAGE);
    assertThat(target.getSpec().getReplicas()).isEqualTo(TOTAL);
    assertThat(kube.apps().deployments().inNamespace(ns.name()).withName("web-web-v2").get())
        .as("the canary Deployment is deleted")
        .isNull();
    assertThat(web.selector("web"))
        .as("the stable Service's selector")
        .isEqualTo(Map.of("app", "web"));
  }

  @Test
  void anAbortGivesEveryReplicaBackToStableAndARetryStartsAgainAtStepZero(
      KubernetesClient kube, TestNamespace ns) {
    ReleaseScenario web = ReleaseScenario.create(kube, ns.name(), "web", TOTAL);
    web.awaitAvailable(STEP);
    api.create(
        ns.name(),
        "web-v2",
        canary("web", List.of(setWeight(30), pauseUntilPromoted(), setWeight(60))));
    api.awaitPausedAt(ns.name(), "web-v2", 1, STEP);
    assertRatio(web.awaitSettled(TOTAL - 3, 3, STEP), TOTAL - 3, 3);

    api.abort(ns.name(), "web-v2");
    ReleaseApi.Status aborted =
        api.awaitStatus(
            ns.name(),
            "web-v2",
            "aborted by the user, with the reason",
            s -> s.phase().equals("Degraded") && !s.abortReason().isBlank(),
            STEP);
    assertThat(aborted.abortReason()).isEqualTo("Aborted");
    assertThat(aborted.condition("Healthy")).isEqualTo("False");
    Pods restored = web.awaitSettled(TOTAL, 0, STEP);
    assertThat(restored.readyWithImage(STABLE_IMAGE)).isEqualTo(TOTAL);
    assertThat(kube.apps().deployments().inNamespace(ns.name()).withName("web").get())
        .satisfies(
            d -> {
              assertThat(d.getSpec().getReplicas()).isEqualTo(TOTAL);
              assertThat(d.getSpec().getTemplate().getSpec().getContainers().getFirst().getImage())
                  .isEqualTo(STABLE_IMAGE);
            });

    api.retry(ns.name(), "web-v2");
    api.awaitPausedAt(ns.name(), "web-v2", 1, STEP);
    assertRatio(web.awaitSettled(TOTAL - 3, 3, STEP), TOTAL - 3, 3);
    api.promote(ns.name(), "web-v2", true);
    api.awaitPhase(ns.name(), "web-v2", "Succeeded", STEP);
    web.awaitPods(
        "all pods on the new version after a full promotion",
        p -> p.live().size() == TOTAL && p.readyWithImage(NEW_IMAGE) == TOTAL,
        STEP);
  }

  /** The pods of each track, counted from the apiserver, are exactly as the replica plan says. */
  static void assertRatio(Pods pods, int stable, int canary) {
    assertThat(pods.count(CANARY)).as("canary pods in %s", pods).isEqualTo(canary);
    assertThat(pods.ready(CANARY)).as("ready canary pods in %s", pods).isEqualTo(canary);
    assertThat(pods.count(STABLE)).as("stable pods in %s", pods).isEqualTo(stable);
    assertThat(pods.ready(STABLE)).as("ready stable pods in %s", pods).isEqualTo(stable);
    assertThat(pods.withImage(NEW_IMAGE)).as("new-version pods in %s", pods).isEqualTo(canary);
    assertThat(pods.withImage(STABLE_IMAGE)).as("old-version pods in %s", pods).isEqualTo(stable);
  }
}
