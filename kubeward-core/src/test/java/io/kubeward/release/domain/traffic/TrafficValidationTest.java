package io.kubeward.release.domain.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeward.diagnostics.domain.Bilingual;
import io.kubeward.release.domain.RouteMatch;
import io.kubeward.release.domain.TrafficRouting;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrafficValidationTest {

  @Test
  void routingNamesAreObjectNames() {
    assertThat(
            TrafficValidation.gatewayApi(
                new TrafficRouting(null, new TrafficRouting.GatewayApiRouting("web"))))
        .isEmpty();
    assertThat(
            TrafficValidation.ingressNginx(
                new TrafficRouting(new TrafficRouting.IngressNginxRouting("Web_1"), null)))
        .extracting(Bilingual::en)
        .singleElement()
        .asString()
        .contains("ingressNginx.ingress", "Web_1");
    assertThat(TrafficValidation.gatewayApi(TrafficRouting.REPLICA_RATIO)).hasSize(1);
  }

  @Test
  void nginxTakesOneMatchAndACookieMustSayAlways() {
    assertThat(TrafficValidation.nginxHeaderRoute(List.of(new RouteMatch("X-Canary", null, "yes"))))
        .isEmpty();
    assertThat(TrafficValidation.nginxHeaderRoute(List.of(new RouteMatch(null, "beta", "always"))))
        .isEmpty();

    List<Bilingual> cookie =
        TrafficValidation.nginxHeaderRoute(List.of(new RouteMatch(null, "beta", "yes")));
    assertThat(cookie)
        .singleElement()
        .satisfies(
            b -> {
              assertThat(b.en()).contains("always");
              assertThat(b.zh()).contains("always", "金丝雀");
            });
    assertThat(
            TrafficValidation.nginxHeaderRoute(
                List.of(new RouteMatch("A", null, "1"), new RouteMatch("B", null, "2"))))
        .extracting(Bilingual::en)
        .anyMatch(t -> t.contains("at most 1"));
  }

  @Test
  void gatewayChecksNamesValuesAndDuplicates() {
    assertThat(
            TrafficValidation.gatewayHeaderRoute(
                List.of(
                    new RouteMatch("X-Canary", null, "yes"), new RouteMatch(null, "beta", "on"))))
        .isEmpty();
    assertThat(TrafficValidation.gatewayHeaderRoute(List.of())).hasSize(1);
    assertThat(
            TrafficValidation.gatewayHeaderRoute(List.of(new RouteMatch("bad header", null, "x"))))
        .hasSize(1);
    assertThat(TrafficValidation.gatewayHeaderRoute(List.of(new RouteMatch("X", null, "a;b"))))
        .hasSize(1);
    assertThat(TrafficValidation.gatewayHeaderRoute(List.of(new RouteMatch("X", "c", "v"))))
        .hasSize(1);
    assertThat(
            TrafficValidation.gatewayHeaderRoute(
                List.of(new RouteMatch("X", null, "1"), new RouteMatch("x", null, "2"))))
        .hasSize(1);
    assertThat(
            TrafficValidation.gatewayHeaderRoute(
                List.of(new RouteMatch(null, "a", "1"), new RouteMatch(null, "b", "2"))))
        .extracting(Bilingual::en)
        .anyMatch(t -> t.contains("one cookie"));
  }
}
