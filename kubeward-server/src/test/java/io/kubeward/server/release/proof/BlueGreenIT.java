package io.kubeward.server.release.proof;

import static io.kubeward.server.release.proof.ReleaseApi.blueGreen;
import static io.kubeward.testkit.scenario.ReleaseScenario.CANARY;
import static io.kubeward.testkit.scenario.ReleaseScenario.HASH_LABEL;
import static io.kubeward.testkit.scenario.ReleaseScenario.NEW_IMAGE;
import static io.kubeward.testkit.scenario.ReleaseScenario.STABLE;
import static io.kubeward.testkit.scenario.ReleaseScenario.STABLE_IMAGE;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.server.RunningServer;
import io.kubeward.testkit.LocalControlPlane;
import io.kubeward.testkit.TestNamespace;
import io.kubeward.testkit.controlplane.ControlPlane;
import io.kubeward.testkit.scenario.ReleaseScenario;
import io.kubeward.testkit.scenario.ReleaseScenario.Pods;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Blue-green: the active Service keeps selecting only the old version's pods until the Release is
 * promoted, the preview Service selects only the new version's pods, promotion switches the active
 * Service to the new pods in one update, and an abort restores the original selector. "Selects" is
 * checked twice: the Service's selector and the pods the endpoint slice controller put behind it.
 */
@LocalControlPlane
class BlueGreenIT {

  static final String CLUSTER = "local";
  static final int TOTAL = 3;
  static final Duration STEP = Duration.ofSeconds(90);

  /** How long the test watches the active Service while the Release waits for promotion. */
  static final Duration WAITING = Duration.ofSeconds(6);

  static RunningServer server;
  static ReleaseApi api;

  @BeforeAll
  static void start(ControlPlane controlPlane, KubernetesClient kube) {
    server = RunningServer.start(CanaryReplicaRatioIT.serverArguments(controlPlane));
    api = ReleaseApi.of(server.admin(), kube, CLUSTER);
    api.awaitCrd();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void theActiveSelectorSwitchesOnlyAfterPromotionAndThePreviewSelectsOnlyNewPods(
      KubernetesClient kube, TestNamespace ns) {
    ReleaseScenario web = ReleaseScenario.create(kube, ns.name(), "web", TOTAL);
    web.awaitAvailable(STEP);
    Set<String> blue = web.pods().names(p -> true);
    api.create(ns.name(), "web-v2", blueGreen("web", "web-preview", false, "5s"));

    // green comes up beside blue, at full replicas
    Pods both =
        web.awaitPods(
            "blue and green at full replicas",
            p ->
                p.ready(STABLE) == TOTAL
                    && p.ready(CANARY) == TOTAL
                    && p.readyWithImage(NEW_IMAGE) == TOTAL,
            STEP);
    Set<String> green = both.names(p -> p.track().equals(CANARY));
    assertThat(both.names(p -> p.track().equals(STABLE))).isEqualTo(blue);
    ReleaseApi.Status status = api.status(ns.name(), "web-v2");

    // active: the stable pods only, by their pod-template-hash; the original selector kept
    assertThat(web.selector("web"))
        .containsEntry("app", "web")
        .containsEntry(HASH_LABEL, status.stableHash());
    assertThat(web.annotations("web")).containsKey("kubeward.io/original-selector");
    web.awaitEndpoints("web", blue, STEP);
    // preview: created by the Release, the green pods only
    web.awaitEndpoints("web-preview", green, STEP);
    assertThat(web.selector("web-preview")).containsEntry("kubeward.io/release-track", "canary");

    // nothing switches while the Release waits for its promotion
    ReleaseScenario.assertDuring(
        "the active Service selects no green pod before the promotion",
        () -> web.endpoints("web"),
        endpoints -> Collections.disjoint(endpoints, green) && !endpoints.isEmpty(),
        WAITING);
    assertThat(api.status(ns.name(), "web-v2").phase()).isNotIn("Succeeded", "Promoting");

    api.promote(ns.name(), "web-v2", false);
    // one update: the active Service goes from blue to green without a moment of both
    ReleaseScenario.awaitValue(
        "the active Service selects the green pods",
        () -> web.endpoints("web"),
        endpoints -> {
          assertThat(endpoints)
              .as("endpoints of the active Service during the switch")
              .satisfiesAnyOf(
                  e -> assertThat(blue).containsAll(e), e -> assertThat(green).containsAll(e));
          return endpoints.equals(green);
        },
        STEP);

    // after the scale-down delay: the Deployment itself runs the new version, the selector is
    // the original again, green is gone
    api.awaitPhase(ns.name(), "web-v2", "Succeeded", STEP);
    Pods done =
        web.awaitPods(
            "only the Deployment's own pods, on the new version",
            p ->
                p.live().size() == TOTAL
                    && p.readyWithImage(NEW_IMAGE) == TOTAL
                    && p.count(CANARY) == 0,
            STEP);
    assertThat(web.selector("web")).isEqualTo(Map.of("app", "web"));
    assertThat(web.annotations("web")).doesNotContainKey("kubeward.io/original-selector");
    web.awaitEndpoints("web", done.names(p -> true), STEP);
    assertThat(done.withImage(STABLE_IMAGE)).isZero();
  }

  @Test
  void anAbortRestoresTheOriginalSelectorAndRemovesGreen(KubernetesClient kube, TestNamespace ns) {
    ReleaseScenario web = ReleaseScenario.create(kube, ns.name(), "web", TOTAL);
    web.awaitAvailable(STEP);
    Set<String> blue = web.pods().names(p -> true);
    api.create(ns.name(), "web-v2", blueGreen("web", "web-preview", false, "30s"));
    web.awaitPods("green ready", p -> p.ready(CANARY) == TOTAL, STEP);

    api.abort(ns.name(), "web-v2");
    api.awaitStatus(
        ns.name(), "web-v2", "aborted by the user", s -> s.phase().equals("Degraded"), STEP);
    ReleaseScenario.awaitValue(
        "the active Service's original selector",
        () -> web.selector("web"),
        selector -> selector.equals(Map.of("app", "web")),
        STEP);
    web.awaitSettled(TOTAL, 0, STEP);
    web.awaitEndpoints("web", blue, STEP);
    assertThat(web.pods().readyWithImage(STABLE_IMAGE)).isEqualTo(TOTAL);
  }
}
