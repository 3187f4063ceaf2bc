package io.kubeward.server.release.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPBackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRule;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressClassBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.kubeward.access.domain.ClusterAccess;
import io.kubeward.cluster.kube.ClusterClients;
import io.kubeward.release.domain.RouteMatch;
import io.kubeward.release.domain.TrafficRouting;
import io.kubeward.release.domain.TrafficSplit;
import io.kubeward.release.domain.TrafficTarget;
import io.kubeward.release.domain.traffic.HttpRouteSplit;
import io.kubeward.release.domain.traffic.RouteRecord;
import io.kubeward.release.kube.traffic.GatewayApiRouter;
import io.kubeward.release.kube.traffic.IngressNginxRouter;
import io.kubeward.testkit.LocalControlPlane;
import io.kubeward.testkit.TestNamespace;
import io.kubeward.testkit.controlplane.ControlPlane;
import io.kubeward.testkit.gateway.GatewayApiCrds;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ingress-nginx and Gateway API routers against the local control plane, as the Release
 * controller calls them: with Kubeward's own service account (the rights of {@code
 * deploy/kubernetes/kubeward-rbac.yaml}). The assertions read the objects back from the apiserver
 * with the admin client. No ingress-nginx and no Gateway implementation runs: what is checked is
 * that the objects say what the routers mean (and that the apiserver, with the upstream CRDs'
 * schema and CEL rules, accepts them), not that traffic follows.
 */
@LocalControlPlane
class TrafficRoutersIT {

  private static final String CLUSTER = "local";
  private static final Duration DEADLINE = Duration.ofSeconds(30);
  private static KubernetesClient admin;
  private static KubernetesClient kubeward;
  private static ClusterClients clients;

  @BeforeAll
  static void clients(ControlPlane controlPlane) throws IOException {
    admin = controlPlane.newAdminClient();
    kubeward =
        new KubernetesClientBuilder()
            .withConfig(Config.fromKubeconfig(Files.readString(controlPlane.kubewardKubeconfig())))
            .build();
    clients =
        ClusterClients.fixed(
            kubeward,
            new ClusterAccess(ClusterAccess.Mode.READ_ONLY, "Kubeward's own", Instant.EPOCH));
  }

  @AfterAll
  static void close() {
    kubeward.close();
    admin.close();
  }

  @Test
  void gatewayApiPresenceFollowsTheCrds() {
    var router = new GatewayApiRouter(clients, Clock.systemUTC(), Duration.ZERO);

    GatewayApiCrds.uninstall(admin);
    var absent = router.presence(CLUSTER);
    assertThat(absent.present()).isFalse();
    assertThat(absent.reason()).contains("httproutes.gateway.networking.k8s.io");
    assertThat(router.presenceReason(absent).zh()).contains("未安装");

    GatewayApiCrds.install(admin);
    assertThat(router.presence(CLUSTER).present()).isTrue();
  }

  @Test
  void httpRouteWeightsAreAppliedObservedAndRestored(TestNamespace ns) {
    GatewayApiCrds.install(admin);
    var router = new GatewayApiRouter(clients, Clock.systemUTC(), Duration.ZERO);
    HTTPRoute original =
        admin
            .resource(
                new HTTPRouteBuilder()
                    .withNewMetadata()
                    .withName("web")
                    .withNamespace(ns.name())
                    .endMetadata()
                    .withNewSpec()
                    .addNewParentRef()
                    .withName("gateway")
                    .endParentRef()
                    .withHostnames("shop.example")
                    .addNewRule()
                    .addNewMatch()
                    .withNewPath("PathPrefix", "/")
                    .endMatch()
                    .addNewBackendRef()
                    .withName("web")
                    .withPort(80)
                    .endBackendRef()
                    .endRule()
                    .addNewRule()
                    .addNewMatch()
                    .withNewPath("PathPrefix", "/static")
                    .endMatch()
                    .addNewBackendRef()
                    .withName("cdn")
                    .withPort(80)
                    .endBackendRef()
                    .endRule()
                    .endSpec()
                    .build())
            .create();
    TrafficTarget target =
        target(ns, new TrafficRouting(null, new TrafficRouting.GatewayApiRouting("web")));

    router.apply(CLUSTER, target, new TrafficSplit(20, List.of()));
    HTTPRoute weighted = route(ns);
    assertThat(refs(weighted.getSpec().getRules().get(0)))
        .containsExactly("web:80", "web-canary:20");
    assertThat(refs(weighted.getSpec().getRules().get(1))).containsExactly("cdn:1");
    assertThat(weighted.getMetadata().getAnnotations())
        .containsKey(RouteRecord.annotation("web-v2"));
    assertThat(router.observe(CLUSTER, target)).isEqualTo(new TrafficSplit(20, List.of()));

    // the same step again changes nothing (not even the resourceVersion)
    router.apply(CLUSTER, target, new TrafficSplit(20, List.of()));
    assertThat(route(ns).getMetadata().getResourceVersion())
        .isEqualTo(weighted.getMetadata().getResourceVersion());

    var ab =
        new TrafficSplit(
            50,
            List.of(new RouteMatch("X-Canary", null, "yes"), new RouteMatch(null, "beta", "on")));
    router.apply(CLUSTER, target, ab);
    HTTPRoute withAb = route(ns);
    assertThat(withAb.getSpec().getRules()).hasSize(3);
    HTTPRouteRule abRule = withAb.getSpec().getRules().get(0);
    assertThat(refs(abRule)).containsExactly("web-canary:1");
    assertThat(abRule.getMatches().get(0).getHeaders())
        .anySatisfy(h -> assertThat(h.getName()).isEqualTo("X-Canary"))
        .anySatisfy(
            h -> assertThat(h.getValue()).isEqualTo(HttpRouteSplit.cookieRegex("beta", "on")));
    assertThat(refs(withAb.getSpec().getRules().get(1))).containsExactly("web:50", "web-canary:50");
    assertThat(router.observe(CLUSTER, target)).isEqualTo(ab);

    router.restore(CLUSTER, target);
    HTTPRoute restored = route(ns);
    assertThat(restored.getSpec()).isEqualTo(original.getSpec());
    assertThat(restored.getMetadata().getAnnotations())
        .doesNotContainKey(RouteRecord.annotation("web-v2"));
    assertThat(router.observe(CLUSTER, target)).isEqualTo(TrafficSplit.STABLE);
    router.restore(CLUSTER, target); // nothing left to restore: no error, no change
    assertThat(route(ns).getMetadata().getResourceVersion())
        .isEqualTo(restored.getMetadata().getResourceVersion());
  }

  @Test
  void ingressNginxCanaryIngressCarriesTheCanaryAnnotations(TestNamespace ns) {
    var router = new IngressNginxRouter(clients, Clock.systemUTC(), Duration.ZERO);
    String className = "nginx-" + ns.name();
    admin
        .network()
        .v1()
        .ingresses()
        .inNamespace(ns.name())
        .resource(stableIngress(ns, className))
        .create();
    TrafficTarget target =
        target(ns, new TrafficRouting(new TrafficRouting.IngressNginxRouting("web"), null));

    boolean otherNginx =
        admin.network().v1().ingressClasses().list().getItems().stream()
            .anyMatch(c -> "k8s.io/ingress-nginx".equals(c.getSpec().getController()));
    if (!otherNginx) {
      var absent = router.presence(CLUSTER);
      assertThat(absent.present()).isFalse();
      assertThat(absent.reason()).contains("k8s.io/ingress-nginx");
      assertThat(router.presenceReason(absent).zh()).contains("ingress-nginx");
    }
    admin
        .network()
        .v1()
        .ingressClasses()
        .resource(
            new IngressClassBuilder()
                .withNewMetadata()
                .withName(className)
                .endMetadata()
                .withNewSpec()
                .withController("k8s.io/ingress-nginx")
                .endSpec()
                .build())
        .create();
    try {
      assertThat(router.presence(CLUSTER).present()).isTrue();

      router.apply(
          CLUSTER, target, new TrafficSplit(30, List.of(new RouteMatch("X-Canary", null, "yes"))));
      Ingress canary = canary(ns);
      assertThat(canary.getMetadata().getAnnotations())
          .containsEntry("nginx.ingress.kubernetes.io/canary", "true")
          .containsEntry("nginx.ingress.kubernetes.io/canary-weight", "30")
          .containsEntry("nginx.ingress.kubernetes.io/canary-by-header", "X-Canary")
          .containsEntry("nginx.ingress.kubernetes.io/canary-by-header-value", "yes");
      assertThat(canary.getSpec().getIngressClassName()).isEqualTo(className);
      var paths = canary.getSpec().getRules().get(0).getHttp().getPaths();
      assertThat(paths)
          .singleElement()
          .satisfies(
              p -> {
                assertThat(p.getPath()).isEqualTo("/");
                assertThat(p.getBackend().getService().getName()).isEqualTo("web-canary");
              });
      assertThat(router.observe(CLUSTER, target))
          .isEqualTo(new TrafficSplit(30, List.of(new RouteMatch("X-Canary", null, "yes"))));

      // the next step drops the header and routes by cookie: the header annotations go away
      router.apply(
          CLUSTER, target, new TrafficSplit(60, List.of(new RouteMatch(null, "beta", "always"))));
      assertThat(canary(ns).getMetadata().getAnnotations())
          .containsEntry("nginx.ingress.kubernetes.io/canary-weight", "60")
          .containsEntry("nginx.ingress.kubernetes.io/canary-by-cookie", "beta")
          .doesNotContainKeys(
              "nginx.ingress.kubernetes.io/canary-by-header",
              "nginx.ingress.kubernetes.io/canary-by-header-value");

      router.restore(CLUSTER, target);
      await().atMost(DEADLINE).until(() -> canaryOrNull(ns) == null);
      assertThat(router.observe(CLUSTER, target)).isEqualTo(TrafficSplit.STABLE);
      assertThat(admin.network().v1().ingresses().inNamespace(ns.name()).withName("web").get())
          .isNotNull();
    } finally {
      admin.network().v1().ingressClasses().withName(className).delete();
    }
  }

  private static TrafficTarget target(TestNamespace ns, TrafficRouting routing) {
    return new TrafficTarget(
        ns.name(), "web-v2", routing, "web", "web-canary", "web", "web-web-v2", 4);
  }

  private static HTTPRoute route(TestNamespace ns) {
    return admin.resources(HTTPRoute.class).inNamespace(ns.name()).withName("web").get();
  }

  private static Ingress canary(TestNamespace ns) {
    Ingress canary = canaryOrNull(ns);
    assertThat(canary).as("canary Ingress").isNotNull();
    return canary;
  }

  private static Ingress canaryOrNull(TestNamespace ns) {
    return admin
        .network()
        .v1()
        .ingresses()
        .inNamespace(ns.name())
        .withName("web-web-v2-canary")
        .get();
  }

  private static Ingress stableIngress(TestNamespace ns, String className) {
    return new IngressBuilder()
        .withNewMetadata()
        .withName("web")
        .withNamespace(ns.name())
        .endMetadata()
        .withNewSpec()
        .withIngressClassName(className)
        .addNewRule()
        .withHost("shop.example")
        .withNewHttp()
        .addNewPath()
        .withPath("/")
        .withPathType("Prefix")
        .withNewBackend()
        .withNewService()
        .withName("web")
        .withNewPort()
        .withNumber(80)
        .endPort()
        .endService()
        .endBackend()
        .endPath()
        .endHttp()
        .endRule()
        .endSpec()
        .build();
  }

  private static List<String> refs(HTTPRouteRule rule) {
    return rule.getBackendRefs().stream().map(TrafficRoutersIT::ref).toList();
  }

  private static String ref(HTTPBackendRef ref) {
    return ref.getName() + ":" + (ref.getWeight() == null ? 1 : ref.getWeight());
  }
}
