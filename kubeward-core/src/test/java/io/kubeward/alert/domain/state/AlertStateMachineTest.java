package io.kubeward.alert.domain.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeward.alert.domain.Alert;
import io.kubeward.alert.domain.AlertSample;
import io.kubeward.alert.domain.AlertScope;
import io.kubeward.alert.domain.AlertSeverity;
import io.kubeward.alert.domain.AlertState;
import io.kubeward.alert.domain.HistoryKind;
import io.kubeward.alert.domain.RuleKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertStateMachineTest {

  static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");
  static final AlertScope LOCAL = AlertScope.ofCluster("local");
  static final RuleIdentity RULE =
      new RuleIdentity(
          RuleKey.of("pod-crash-looping"),
          "pod-crash-looping",
          AlertSeverity.WARNING,
          Duration.ofMinutes(1),
          Map.of("team", "ops", "severity", "ignored"));

  static AlertSample pod(String name) {
    return new AlertSample(
        Map.of("namespace", "shop", "pod", name, "cluster", "not-this"),
        Map.of("summary", "Pod " + name),
        2.0);
  }

  @Test
  void labelsAreTheSamplesThenTheRulesThenTheEnginesOwn() {
    Outcome o = AlertStateMachine.evaluated(LOCAL, RULE, List.of(), List.of(pod("a")), T0);
    Alert a = o.alerts().getFirst();
    assertThat(a.labels())
        .containsExactly(
            Map.entry("alertname", "pod-crash-looping"),
            Map.entry("cluster", "local"),
            Map.entry("namespace", "shop"),
            Map.entry("pod", "a"),
            Map.entry("rule", "pod-crash-looping"),
            Map.entry("severity", "warning"),
            Map.entry("team", "ops"));
    assertThat(a.state()).isEqualTo(AlertState.PENDING);
    assertThat(o.changed()).containsExactly(a);
    assertThat(o.transitions()).isEmpty();
  }

  @Test
  void pendingFiresAfterForAndResolvesWhenGone() {
    Outcome first = AlertStateMachine.evaluated(LOCAL, RULE, List.of(), List.of(pod("a")), T0);
    Outcome early =
        AlertStateMachine.evaluated(
            LOCAL, RULE, first.alerts(), List.of(pod("a")), T0.plusSeconds(59));
    assertThat(early.alerts().getFirst().state()).isEqualTo(AlertState.PENDING);
    assertThat(early.changed()).isEmpty(); // only lastEvaluated moved
    Outcome fires =
        AlertStateMachine.evaluated(
            LOCAL, RULE, early.alerts(), List.of(pod("a")), T0.plusSeconds(60));
    Alert firing = fires.alerts().getFirst();
    assertThat(firing.state()).isEqualTo(AlertState.FIRING);
    assertThat(firing.activeSince()).isEqualTo(T0);
    assertThat(firing.firingSince()).isEqualTo(T0.plusSeconds(60));
    assertThat(fires.transitions()).containsExactly(new Transition(HistoryKind.FIRING, firing));

    Outcome still =
        AlertStateMachine.evaluated(
            LOCAL, RULE, fires.alerts(), List.of(pod("a")), T0.plusSeconds(90));
    assertThat(still.transitions()).isEmpty();

    Outcome gone =
        AlertStateMachine.evaluated(LOCAL, RULE, still.alerts(), List.of(), T0.plusSeconds(120));
    Alert resolved = gone.alerts().getFirst();
    assertThat(resolved.state()).isEqualTo(AlertState.RESOLVED);
    assertThat(resolved.resolvedAt()).isEqualTo(T0.plusSeconds(120));
    assertThat(gone.transitions()).containsExactly(new Transition(HistoryKind.RESOLVED, resolved));

    Outcome quiet =
        AlertStateMachine.evaluated(LOCAL, RULE, gone.alerts(), List.of(), T0.plusSeconds(150));
    assertThat(quiet.alerts()).containsExactly(resolved);
    assertThat(quiet.changed()).isEmpty();
    assertThat(quiet.transitions()).isEmpty();

    Outcome back =
        AlertStateMachine.evaluated(
            LOCAL, RULE, quiet.alerts(), List.of(pod("a")), T0.plusSeconds(180));
    Alert again = back.alerts().getFirst();
    assertThat(again.fingerprint()).isEqualTo(resolved.fingerprint());
    assertThat(again.state()).isEqualTo(AlertState.PENDING);
    assertThat(again.activeSince()).isEqualTo(T0.plusSeconds(180));
    assertThat(again.resolvedAt()).isNull();
  }

  @Test
  void aPendingAlertWhoseSampleGoesIsDroppedNotResolved() {
    Outcome first = AlertStateMachine.evaluated(LOCAL, RULE, List.of(), List.of(pod("a")), T0);
    Outcome gone =
        AlertStateMachine.evaluated(LOCAL, RULE, first.alerts(), List.of(), T0.plusSeconds(10));
    assertThat(gone.alerts()).isEmpty();
    assertThat(gone.dropped()).containsExactly(first.alerts().getFirst().fingerprint());
    assertThat(gone.transitions()).isEmpty();
  }

  @Test
  void forZeroFiresAtTheFirstEvaluation() {
    RuleIdentity now =
        new RuleIdentity(RuleKey.of("ns/x"), "x", AlertSeverity.CRITICAL, Duration.ZERO, Map.of());
    Outcome o = AlertStateMachine.evaluated(LOCAL, now, List.of(), List.of(pod("a"), pod("a")), T0);
    assertThat(o.alerts()).hasSize(1);
    assertThat(o.alerts().getFirst().firing()).isTrue();
    assertThat(o.alerts().getFirst().label("rule")).isEqualTo("ns/x");
    assertThat(o.transitions()).hasSize(1);
  }

  @Test
  void aFailedEvaluationKeepsEverythingAndAGoneRuleResolves() {
    RuleIdentity now =
        new RuleIdentity(RuleKey.of("x"), "x", AlertSeverity.INFO, Duration.ZERO, Map.of());
    RuleIdentity slow = RULE;
    Alert firing =
        AlertStateMachine.evaluated(LOCAL, now, List.of(), List.of(pod("a")), T0)
            .alerts()
            .getFirst();
    Alert pending =
        AlertStateMachine.evaluated(LOCAL, slow, List.of(), List.of(pod("b")), T0)
            .alerts()
            .getFirst();
    Outcome failed = AlertStateMachine.failed(List.of(firing, pending));
    assertThat(failed.alerts()).containsExactly(firing, pending);
    assertThat(failed.changed()).isEmpty();

    Outcome gone = AlertStateMachine.ruleGone(List.of(firing, pending), T0.plusSeconds(5));
    assertThat(gone.alerts()).singleElement().satisfies(a -> assertThat(a.resolved()).isTrue());
    assertThat(gone.dropped()).containsExactly(pending.fingerprint());
    assertThat(gone.transitions())
        .extracting(Transition::kind)
        .containsExactly(HistoryKind.RESOLVED);
  }

  @Test
  void siteAlertsTakeTheirClusterFromTheSample() {
    RuleIdentity site =
        new RuleIdentity(
            RuleKey.of("kubeward:cluster-unreachable"),
            "cluster-unreachable",
            AlertSeverity.CRITICAL,
            Duration.ZERO,
            Map.of());
    Alert a =
        AlertStateMachine.evaluated(
                AlertScope.site(),
                site,
                List.of(),
                List.of(new AlertSample(Map.of("cluster", "east"), Map.of(), null)),
                T0)
            .alerts()
            .getFirst();
    assertThat(a.label("cluster")).isEqualTo("east");
    assertThat(a.scope().isSite()).isTrue();
  }
}
