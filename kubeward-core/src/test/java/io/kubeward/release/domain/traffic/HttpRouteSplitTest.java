package io.kubeward.release.domain.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPBackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPHeaderMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRule;
import io.kubeward.release.domain.ReleaseStepException;
import io.kubeward.release.domain.RouteMatch;
import io.kubeward.release.domain.TrafficRouting;
import io.kubeward.release.domain.TrafficSplit;
import io.kubeward.release.domain.TrafficTarget;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HttpRouteSplitTest {

  private static final TrafficTarget TARGET =
      new TrafficTarget(
          "shop",
          "web-v2",
          new TrafficRouting(null, new TrafficRouting.GatewayApiRouting("web")),
          "web",
          "web-canary",
          "web",
          "web-web-v2",
          4);

  /** Two rules to the stable Service (one with a path), one to another Service. */
  private static HTTPRoute route() {
    return new HTTPRouteBuilder()
        .withNewMetadata()
        .withName("web")
        .withNamespace("shop")
        .endMetadata()
        .withNewSpec()
        .addNewParentRef()
        .withName("gw")
        .endParentRef()
        .addNewRule()
        .addNewMatch()
        .withNewPath("PathPrefix", "/api")
        .endMatch()
        .addNewBackendRef()
        .withName("web")
        .withPort(80)
        .endBackendRef()
        .endRule()
        .addNewRule()
        .addNewBackendRef()
        .withName("other")
        .withPort(80)
        .endBackendRef()
        .endRule()
        .addNewRule()
        .addNewBackendRef()
        .withName("web")
        .withPort(8080)
        .withWeight(5)
        .endBackendRef()
        .endRule()
        .endSpec()
        .build();
  }

  @Test
  void weightsTheStableRulesAndRecordsTheOriginalWeights() {
    var result = HttpRouteSplit.apply(route(), null, TARGET, new TrafficSplit(20, List.of()));

    List<HTTPRouteRule> rules = result.route().getSpec().getRules();
    assertThat(rules).hasSize(3);
    assertThat(refs(rules.get(0))).containsExactly("web:80:80", "web-canary:80:20");
    assertThat(refs(rules.get(1))).containsExactly("other:80:null");
    assertThat(refs(rules.get(2))).containsExactly("web:8080:80", "web-canary:8080:20");
    assertThat(result.record().stableWeights())
        .containsExactly(
            new RouteRecord.StableWeight(0, 0, null), new RouteRecord.StableWeight(2, 0, 5));
    assertThat(HttpRouteSplit.observe(result.route(), result.record(), TARGET).canaryWeight())
        .isEqualTo(20);
  }

  @Test
  void applyingAgainStartsFromTheRouteBeforeTheRelease() {
    var first = HttpRouteSplit.apply(route(), null, TARGET, new TrafficSplit(20, List.of()));
    var second =
        HttpRouteSplit.apply(
            first.route(), first.record(), TARGET, new TrafficSplit(50, List.of()));
    var again =
        HttpRouteSplit.apply(
            second.route(), second.record(), TARGET, new TrafficSplit(50, List.of()));

    assertThat(refs(second.route().getSpec().getRules().get(0)))
        .containsExactly("web:80:50", "web-canary:80:50");
    assertThat(again.route()).isEqualTo(second.route());
    assertThat(again.record()).isEqualTo(second.record());
    assertThat(second.record().stableWeights()).isEqualTo(first.record().stableWeights());
  }

  @Test
  void restoreGivesBackTheRouteExactly() {
    var split =
        new TrafficSplit(
            30,
            List.of(new RouteMatch("X-Canary", null, "yes"), new RouteMatch(null, "beta", "on")));
    var applied = HttpRouteSplit.apply(route(), null, TARGET, split);

    assertThat(HttpRouteSplit.restore(applied.route(), applied.record())).isEqualTo(route());
  }

  @Test
  void headerRouteAddsACanaryOnlyRuleBeforeEachStableRule() {
    var split =
        new TrafficSplit(
            0,
            List.of(new RouteMatch("X-Canary", null, "yes"), new RouteMatch(null, "beta", "on")));
    var result = HttpRouteSplit.apply(route(), null, TARGET, split);

    List<HTTPRouteRule> rules = result.route().getSpec().getRules();
    assertThat(rules).hasSize(5);
    HTTPRouteRule ab = rules.get(0);
    assertThat(refs(ab)).containsExactly("web-canary:80:1");
    assertThat(ab.getMatches()).hasSize(1);
    assertThat(ab.getMatches().get(0).getPath().getValue()).isEqualTo("/api");
    assertThat(ab.getMatches().get(0).getHeaders())
        .extracting(HTTPHeaderMatch::getName, HTTPHeaderMatch::getType)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("X-Canary", "Exact"),
            org.assertj.core.groups.Tuple.tuple("Cookie", "RegularExpression"));
    // a rule without matches matches every path: its copy says so explicitly
    assertThat(rules.get(3).getMatches().get(0).getPath().getValue()).isEqualTo("/");
    assertThat(HttpRouteSplit.observe(result.route(), result.record(), TARGET)).isEqualTo(split);
  }

  @Test
  void cookieRegexFindsTheCookieAmongOthers() {
    Pattern p = Pattern.compile(HttpRouteSplit.cookieRegex("beta", "on"));

    assertThat(p.matcher("beta=on").matches()).isTrue();
    assertThat(p.matcher("a=1; beta=on").matches()).isTrue();
    assertThat(p.matcher("a=1;beta=on; c=3").matches()).isTrue();
    assertThat(p.matcher("xbeta=on").matches()).isFalse();
    assertThat(p.matcher("beta=one").matches()).isFalse();
    assertThat(HttpRouteSplit.cookieRegex("a.b", "x+y")).contains("a\\.b=x\\+y");
  }

  @Test
  void aRouteWithoutTheStableServiceIsNotRouted() {
    var target =
        new TrafficTarget(
            "shop", "web-v2", TARGET.routing(), "missing", "web-canary", "web", "c", 4);

    assertThatThrownBy(() -> HttpRouteSplit.apply(route(), null, target, TrafficSplit.STABLE))
        .isInstanceOf(ReleaseStepException.class)
        .satisfies(
            e ->
                assertThat(((ReleaseStepException) e).reason())
                    .isEqualTo("StableServiceNotInRoute"))
        .satisfies(e -> assertThat(((ReleaseStepException) e).retryable()).isFalse());
  }

  @Test
  void tooManyRulesForTheAbRulesIsRefused() {
    var builder = new HTTPRouteBuilder(route());
    for (int i = 0; i < 12; i++) {
      builder
          .editSpec()
          .addNewRule()
          .addNewBackendRef()
          .withName("web")
          .withPort(80)
          .endBackendRef()
          .endRule()
          .endSpec();
    }
    var split = new TrafficSplit(10, List.of(new RouteMatch("X-Canary", null, "yes")));

    assertThatThrownBy(() -> HttpRouteSplit.apply(builder.build(), null, TARGET, split))
        .isInstanceOf(ReleaseStepException.class)
        .hasMessageContaining("at most 16");
  }

  @Test
  void recordAnnotationFitsAnAnnotationKey() {
    assertThat(RouteRecord.annotation("web-v2")).isEqualTo("kubeward.io/release-web-v2");
    String key = RouteRecord.annotation("a".repeat(200));
    assertThat(key.substring("kubeward.io/".length())).hasSizeLessThanOrEqualTo(63);
    assertThat(key).isNotEqualTo(RouteRecord.annotation("a".repeat(199)));
  }

  private static List<String> refs(HTTPRouteRule rule) {
    return rule.getBackendRefs().stream().map(HttpRouteSplitTest::ref).toList();
  }

  private static String ref(HTTPBackendRef ref) {
    return ref.getName() + ":" + ref.getPort() + ":" + ref.getWeight();
  }
}
