package io.kubeward.release.domain.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.kubeward.release.domain.ReleaseStepException;
import io.kubeward.release.domain.RouteMatch;
import io.kubeward.release.domain.TrafficRouting;
import io.kubeward.release.domain.TrafficSplit;
import io.kubeward.release.domain.TrafficTarget;
import java.util.List;
import org.junit.jupiter.api.Test;

class NginxCanaryTest {

  private static final TrafficTarget TARGET =
      new TrafficTarget(
          "shop",
          "web-v2",
          new TrafficRouting(new TrafficRouting.IngressNginxRouting("web"), null),
          "web",
          "web-canary",
          "web",
          "web-web-v2",
          4);

  private static Ingress stable() {
    return new IngressBuilder()
        .withNewMetadata()
        .withName("web")
        .withNamespace("shop")
        .addToAnnotations("kubernetes.io/ingress.class", "nginx")
        .addToAnnotations("nginx.ingress.kubernetes.io/rewrite-target", "/")
        .endMetadata()
        .withNewSpec()
        .withIngressClassName("nginx")
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
        .addNewPath()
        .withPath("/static")
        .withPathType("Prefix")
        .withNewBackend()
        .withNewService()
        .withName("cdn")
        .withNewPort()
        .withNumber(80)
        .endPort()
        .endService()
        .endBackend()
        .endPath()
        .endHttp()
        .endRule()
        .addNewTl()
        .withHosts("shop.example")
        .withSecretName("shop-tls")
        .endTl()
        .endSpec()
        .build();
  }

  @Test
  void copiesTheStableServicesPathsToTheCanaryWithTheWeight() {
    Ingress canary = NginxCanary.build(stable(), TARGET, new TrafficSplit(20, List.of()));

    assertThat(canary.getMetadata().getName()).isEqualTo("web-web-v2-canary");
    assertThat(canary.getMetadata().getLabels())
        .containsEntry("kubeward.io/release", "web-v2")
        .containsEntry("kubeward.io/release-track", "canary");
    assertThat(canary.getMetadata().getAnnotations())
        .containsEntry("nginx.ingress.kubernetes.io/canary", "true")
        .containsEntry("nginx.ingress.kubernetes.io/canary-weight", "20")
        .containsEntry("kubernetes.io/ingress.class", "nginx")
        .doesNotContainKey("nginx.ingress.kubernetes.io/rewrite-target");
    assertThat(canary.getSpec().getIngressClassName()).isEqualTo("nginx");
    var paths = canary.getSpec().getRules().get(0).getHttp().getPaths();
    assertThat(paths).hasSize(1);
    assertThat(paths.get(0).getPath()).isEqualTo("/");
    assertThat(paths.get(0).getBackend().getService().getName()).isEqualTo("web-canary");
    assertThat(paths.get(0).getBackend().getService().getPort().getNumber()).isEqualTo(80);
    assertThat(canary.getSpec().getTls()).hasSize(1);
    assertThat(NginxCanary.observe(canary)).isEqualTo(new TrafficSplit(20, List.of()));
  }

  @Test
  void headerAndCookieBecomeTheirAnnotations() {
    var header = new TrafficSplit(0, List.of(new RouteMatch("X-Canary", null, "yes")));
    var cookie = new TrafficSplit(5, List.of(new RouteMatch(null, "beta", "always")));

    assertThat(NginxCanary.annotations(header))
        .containsEntry("nginx.ingress.kubernetes.io/canary-by-header", "X-Canary")
        .containsEntry("nginx.ingress.kubernetes.io/canary-by-header-value", "yes")
        .containsEntry("nginx.ingress.kubernetes.io/canary-weight", "0");
    assertThat(NginxCanary.annotations(cookie))
        .containsEntry("nginx.ingress.kubernetes.io/canary-by-cookie", "beta")
        .doesNotContainKey("nginx.ingress.kubernetes.io/canary-by-header");
    assertThat(NginxCanary.observe(NginxCanary.build(stable(), TARGET, header))).isEqualTo(header);
    assertThat(NginxCanary.observe(NginxCanary.build(stable(), TARGET, cookie))).isEqualTo(cookie);
  }

  @Test
  void anIngressWithoutTheStableServiceIsRefused() {
    var target =
        new TrafficTarget("shop", "web-v2", TARGET.routing(), "api", "api-canary", "api", "c", 2);

    assertThatThrownBy(() -> NginxCanary.build(stable(), target, TrafficSplit.STABLE))
        .isInstanceOf(ReleaseStepException.class)
        .satisfies(
            e ->
                assertThat(((ReleaseStepException) e).reason())
                    .isEqualTo("StableServiceNotInIngress"));
  }

  @Test
  void longNamesAreShortenedToAValidName() {
    String name = NginxCanary.name("i".repeat(200), "r".repeat(100));

    assertThat(name).hasSizeLessThanOrEqualTo(253).endsWith("-canary");
    assertThat(io.kubeward.common.Names.isObjectName(name)).isTrue();
  }

  @Test
  void noCanaryMeansStable() {
    assertThat(NginxCanary.observe(null)).isEqualTo(TrafficSplit.STABLE);
  }
}
