package io.kubeward.server.release.proof;

import static io.kubeward.server.release.proof.ReleaseApi.canary;
import static io.kubeward.server.release.proof.ReleaseApi.canaryReplicas;
import static io.kubeward.server.release.proof.ReleaseApi.gatewayApi;
import static io.kubeward.server.release.proof.ReleaseApi.pauseUntilPromoted;
import static io.kubeward.server.release.proof.ReleaseApi.setWeight;
import static io.kubeward.testkit.scenario.ReleaseScenario.CANARY;
import static io.kubeward.testkit.scenario.ReleaseScenario.NEW_IMAGE;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.server.RunningServer;
import io.kubeward.testkit.LocalControlPlane;
import io.kubeward.testkit.TestNamespace;
import io.kubeward.testkit.controlplane.ControlPlane;
import io.kubeward.testkit.gateway.GatewayApiCrds;
import io.kubeward.testkit.scenario.ReleaseScenario;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Gateway API: with the standard-channel CRDs installed on the local control plane, the weights of
 * the HTTPRoute's rule follow the Release's steps (stable {@code 100 - w}, canary {@code w}), an
 * A/B step adds a rule matching the header that sends only to the canary, and at the end the route
 * is exactly as it was. No gateway implementation serves the route: the test asserts the objects,
 * which is what a Gateway implementation would act on.
 */
@LocalControlPlane
class GatewayApiCanaryIT {

  static final String CLUSTER = "local";
  static final int TOTAL = 5;
  static final Duration STEP = Duration.ofSeconds(90);

  static RunningServer server;
  static ReleaseApi api;

  @BeforeAll
  static void start(ControlPlane controlPlane, KubernetesClient kube) {
    installGatewayApiCrds(kube);
    server = RunningServer.start(CanaryReplicaRatioIT.serverArguments(controlPlane));
    api = ReleaseApi.of(server.admin(), kube, CLUSTER);
    api.awaitCrd();
  }

  /** Whether this class installed the CRDs (and so removes them again). */
  static boolean installed;

  /** The Gateway API CRDs (standard channel) through traffic's testkit installer. */
  static void installGatewayApiCrds(KubernetesClient kube) {
    installed = !GatewayApiCrds.servesHttpRoutes(kube);
    GatewayApiCrds.install(kube);
  }

  @AfterAll
  static void stop(KubernetesClient kube) {
    if (server != null) {
      server.close();
    }
    if (installed) {
      GatewayApiCrds.uninstall(kube);
    }
  }

  @Test
  void httpRouteWeightsFollowTheStepsAndTheRouteIsRestoredAtTheEnd(
      KubernetesClient kube, TestNamespace ns) {
    ReleaseScenario web =
        ReleaseScenario.create(kube, ns.name(), "web", TOTAL).withHttpRoute("shop-gateway");
    web.awaitAvailable(STEP);
    List<Map<String, Object>> original = web.routeRules("web");
    assertThat(web.routeWeights("web")).containsExactly(Map.of("web", 1));

    api.create(
        ns.name(),
        "web-v2",
        canary(
            "web",
            List.of(
                setWeight(10),
                pauseUntilPromoted(),
                setWeight(40),
                pauseUntilPromoted(),
                Map.of(
                    "setHeaderRoute",
                    Map.of("match", List.of(Map.of("header", "X-Canary", "value", "yes")))),
                pauseUntilPromoted()),
            gatewayApi("web")));

    int[] weights = {10, 40};
    for (int i = 0; i < weights.length; i++) {
      int weight = weights[i];
      api.awaitPausedAt(ns.name(), "web-v2", 2 * i + 1, STEP);
      ReleaseScenario.awaitValue(
          "HTTPRoute web at canary weight " + weight,
          () -> web.routeWeights("web"),
          rules -> rules.equals(List.of(Map.of("web", 100 - weight, "web-canary", weight))),
          STEP);
      int canary = canaryReplicas(TOTAL, weight);
      web.awaitPods(
          canary + " canary pods ready",
          p -> p.ready(CANARY) == canary && p.count(CANARY) == canary,
          STEP);
      // the canary Service (created by the Release) selects only the canary pods
      web.awaitEndpoints("web-canary", web.pods().names(p -> p.track().equals(CANARY)), STEP);
      api.promote(ns.name(), "web-v2", false);
    }

    // A/B: a copy of the rule matching the header, to the canary only; the weighted rule stays
    api.awaitPausedAt(ns.name(), "web-v2", 5, STEP);
    List<Map<String, Object>> rules =
        ReleaseScenario.awaitValue(
            "a header rule to the canary", () -> web.routeRules("web"), r -> r.size() == 2, STEP);
    assertThat(web.routeWeights("web"))
        .contains(Map.of("web", 60, "web-canary", 40))
        .anySatisfy(w -> assertThat(w.keySet()).containsExactly("web-canary"));
    assertThat(rules.toString()).contains("X-Canary").contains("yes");

    api.promote(ns.name(), "web-v2", false);
    api.awaitPhase(ns.name(), "web-v2", "Succeeded", STEP);
    ReleaseScenario.awaitValue(
        "HTTPRoute web as it was before the Release",
        () -> web.routeRules("web"),
        r -> r.equals(original),
        STEP);
    web.awaitPods(
        "all pods on the new version",
        p -> p.live().size() == TOTAL && p.readyWithImage(NEW_IMAGE) == TOTAL,
        STEP);
  }
}
