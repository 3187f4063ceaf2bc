package io.kubeward.alert.domain.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeward.alert.domain.routing.PolicyDocument.InhibitRuleSpec;
import io.kubeward.alert.domain.routing.PolicyDocument.IntervalSpec;
import io.kubeward.alert.domain.routing.PolicyDocument.RouteSpec;
import io.kubeward.alert.domain.routing.PolicyDocument.TimeIntervalSpec;
import io.kubeward.alert.domain.routing.PolicyDocument.TimeRangeSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoutingPolicyTest {

  static RouteSpec route(
      List<String> matchers, List<String> channels, boolean cont, RouteSpec... children) {
    return new RouteSpec(
        matchers, channels, null, null, null, null, null, cont, null, null, List.of(children));
  }

  static final PolicyDocument DOC =
      new PolicyDocument(
          new RouteSpec(
              List.of(),
              List.of("ops-webhook"),
              List.of("alertname", "cluster"),
              "10s",
              "1m",
              "4h",
              true,
              false,
              null,
              null,
              List.of(
                  new RouteSpec(
                      List.of("severity=\"critical\"", "namespace=~\"prod-.*\""),
                      List.of("oncall-dingtalk"),
                      null,
                      "0s",
                      null,
                      null,
                      false,
                      true,
                      List.of("nights"),
                      null,
                      List.of()),
                  route(List.of("severity=\"critical\""), List.of("pager"), false),
                  route(List.of("team=\"db\""), null, false))),
          List.of(
              new InhibitRuleSpec(
                  List.of("alertname=\"node-not-ready\""),
                  List.of("node=~\".+\""),
                  List.of("cluster", "node"))),
          List.of(
              new TimeIntervalSpec(
                  "nights",
                  List.of(
                      new IntervalSpec(
                          List.of(new TimeRangeSpec("22:00", "06:00")),
                          List.of("monday:friday"),
                          null,
                          null,
                          null,
                          "Asia/Shanghai")))),
          null);

  @Test
  void anEmptyEntryInAListIsAProblemOfTheDocumentNotAnInternalError() {
    List<TimeIntervalSpec> intervals = new java.util.ArrayList<>();
    intervals.add(null);

    assertThatThrownBy(
            () ->
                new PolicyDocument(
                    new RouteSpec(null, null, null, null, null, null, null, null, null, null, null),
                    null,
                    intervals,
                    null))
        .isInstanceOfSatisfying(
            InvalidRoutingException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly("timeIntervals: an entry is empty (null)"));
  }

  @Test
  void routesMatchDepthFirstWithContinue() {
    RoutingPolicy p = RoutingPolicy.compile(DOC);
    List<Route> critProd =
        p.root().match(Map.of("severity", "critical", "namespace", "prod-a", "alertname", "x"));
    assertThat(critProd).extracting(Route::path).containsExactly("0.0", "0.1");
    assertThat(p.root().match(Map.of("severity", "warning")))
        .extracting(Route::path)
        .containsExactly("0");
    assertThat(p.root().match(Map.of("team", "db")))
        .singleElement()
        .satisfies(r -> assertThat(r.channels()).containsExactly("ops-webhook"));
  }

  @Test
  void childrenInheritUnlessTheySetTheirOwn() {
    RoutingPolicy p = RoutingPolicy.compile(DOC);
    Route first = p.root().routes().get(0);
    assertThat(first.groupWait()).isZero();
    assertThat(first.groupInterval()).isEqualTo(Duration.ofMinutes(1));
    assertThat(first.groupBy()).containsExactlyInAnyOrder("alertname", "cluster");
    assertThat(first.sendResolved()).isFalse();
    assertThat(p.root().routes().get(1).sendResolved()).isTrue();
    assertThat(p.root().repeatInterval()).isEqualTo(Duration.ofHours(4));
  }

  @Test
  void groupKeysCarryThePathAndTheGroupLabels() {
    Route root = RoutingPolicy.compile(DOC).root();
    var labels = root.groupLabels(Map.of("alertname", "a\"b", "cluster", "c", "pod", "p"));
    assertThat(root.groupKey(labels)).isEqualTo("0:{alertname=\"a\\\"b\",cluster=\"c\"}");
    Route all =
        RoutingPolicy.compile(
                new PolicyDocument(
                    new RouteSpec(
                        null,
                        List.of("x"),
                        List.of("..."),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null),
                    null,
                    null,
                    null))
            .root();
    assertThat(all.groupLabels(Map.of("a", "1", "b", "2"))).containsOnlyKeys("a", "b");
  }

  @Test
  void muteTimeIntervalsHoldInTheirZone() {
    RoutingPolicy p = RoutingPolicy.compile(DOC);
    Route night = p.root().routes().get(0);
    // Tuesday 23:30 in Shanghai = 15:30 UTC
    assertThat(p.muted(night, Instant.parse("2026-12-01T15:30:00Z"))).contains("nights");
    // Tuesday 12:00 in Shanghai
    assertThat(p.muted(night, Instant.parse("2026-12-01T04:00:00Z"))).isEmpty();
    // Saturday 23:30 in Shanghai: not a weekday of the interval
    assertThat(p.muted(night, Instant.parse("2026-12-05T15:30:00Z"))).isEmpty();
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    PolicyDocument bad =
        new PolicyDocument(
            new RouteSpec(
                List.of("a=\"b\""),
                List.of("Not_A_Channel"),
                List.of("ok", "ok"),
                "2h",
                "0s",
                "31d",
                null,
                null,
                List.of("missing"),
                null,
                List.of(route(List.of("broken"), null, false))),
            List.of(new InhibitRuleSpec(List.of(), List.of("x=\"y\""), List.of("bad label!"))),
            List.of(
                new TimeIntervalSpec(
                    "t",
                    List.of(
                        new IntervalSpec(
                            List.of(new TimeRangeSpec("25:00", "06:00")),
                            List.of("someday"),
                            List.of("0"),
                            List.of("smarch"),
                            null,
                            "Mars/Base")))),
            null);
    assertThatThrownBy(() -> RoutingPolicy.compile(bad))
        .isInstanceOfSatisfying(
            InvalidRoutingException.class,
            e ->
                assertThat(String.join("\n", e.problems()))
                    .contains("root route matches every alert")
                    .contains("Not_A_Channel")
                    .contains("listed twice")
                    .contains("groupWait")
                    .contains("groupInterval")
                    .contains("repeatInterval")
                    .contains("no time interval \"missing\"")
                    .contains("route.routes[0].matchers")
                    .contains("needs source and target")
                    .contains("bad label!")
                    .contains("25:00")
                    .contains("someday")
                    .contains("day of month")
                    .contains("smarch")
                    .contains("Mars/Base"));
  }

  @Test
  void theDefaultDocumentIsValid() {
    RoutingPolicy p = RoutingPolicy.compile(PolicyDocument.defaults());
    assertThat(p.muteDuringMaintenance()).isTrue();
    assertThat(p.inhibitRules()).hasSize(1);
  }

  @Test
  void tooDeepATreeIsRefused() {
    RouteSpec deep = route(List.of("a=\"1\""), null, false);
    for (int i = 0; i < 12; i++) {
      deep = route(List.of("a=\"1\""), null, false, deep);
    }
    PolicyDocument doc =
        new PolicyDocument(
            new RouteSpec(
                null, null, null, null, null, null, null, null, null, null, List.of(deep)),
            null,
            null,
            null);
    assertThatThrownBy(() -> RoutingPolicy.compile(doc)).hasMessageContaining("nest at most");
  }
}
