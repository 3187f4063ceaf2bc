package io.kubeward.alert.app.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeward.alert.domain.Alert;
import io.kubeward.alert.domain.AlertScope;
import io.kubeward.alert.domain.Delivery;
import io.kubeward.alert.domain.HistoryEntry;
import io.kubeward.alert.domain.HistoryKind;
import io.kubeward.alert.domain.Notification;
import io.kubeward.alert.domain.routing.PolicyDocument;
import io.kubeward.alert.domain.routing.PolicyDocument.IntervalSpec;
import io.kubeward.alert.domain.routing.PolicyDocument.RouteSpec;
import io.kubeward.alert.domain.routing.PolicyDocument.TimeIntervalSpec;
import io.kubeward.alert.domain.routing.PolicyDocument.TimeRangeSpec;
import io.kubeward.alert.domain.routing.Silence;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RoutingDispatcherTest {

  private static final AlertScope LOCAL = AlertScope.ofCluster("local");
  private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");

  private final RoutingFakes.MutableClock clock = new RoutingFakes.MutableClock(T0);
  private final RoutingFakes.Alerts alerts = new RoutingFakes.Alerts();
  private final RoutingFakes.Sender sender = new RoutingFakes.Sender();
  private final RoutingFakes.History history = new RoutingFakes.History();
  private final RoutingFakes.Policies policies = new RoutingFakes.Policies();
  private final RoutingFakes.Silences silences = new RoutingFakes.Silences();
  private final RoutingFakes.Log log = new RoutingFakes.Log();
  private final RoutingFakes.Suppressions suppressions = new RoutingFakes.Suppressions();
  private final RoutingFakes.Ownership ownership = new RoutingFakes.Ownership();
  private Set<String> maintained = Set.of();

  private RoutingDispatcher dispatcher() {
    return new RoutingDispatcher(
        alerts,
        sender,
        history,
        new CurrentPolicy(policies),
        silences,
        log,
        suppressions,
        (cluster, now) -> maintained,
        ownership,
        clock);
  }

  private static PolicyDocument policy(
      String groupWait, String groupInterval, List<String> mute, List<TimeIntervalSpec> intervals) {
    PolicyDocument d = PolicyDocument.defaults();
    return new PolicyDocument(
        new RouteSpec(
            null,
            List.of("ops"),
            List.of("alertname", "cluster"),
            groupWait,
            groupInterval,
            "4h",
            true,
            null,
            mute,
            null,
            null),
        d.inhibitRules(),
        intervals,
        true);
  }

  @BeforeEach
  void setUp() {
    ownership.owned.add(LOCAL);
    policies.save(policy("10s", "1m", null, null), 0, "admin", T0);
  }

  private void advance(int seconds) {
    clock.advance(Duration.ofSeconds(seconds));
  }

  @Test
  void oneMessageForAGroupAfterGroupWaitThenResolved() {
    RoutingDispatcher d = dispatcher();
    for (int i = 0; i < 5; i++) {
      alerts.fire(LOCAL, T0, "alertname", "pod-crash-looping", "pod", "p" + i);
    }
    assertThat(d.pass(LOCAL)).contains(T0.plusSeconds(10));
    assertThat(sender.sent).isEmpty();
    advance(10);
    d.pass(LOCAL);
    assertThat(sender.sent)
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.firing()).hasSize(5);
              assertThat(n.channel()).isEqualTo("ops");
              assertThat(n.groupLabels()).containsEntry("alertname", "pod-crash-looping");
            });
    advance(30);
    d.pass(LOCAL);
    advance(60);
    d.pass(LOCAL);
    assertThat(sender.sent).hasSize(1); // nothing new: no repeat before 4h
    alerts.alerts.values().stream().toList().forEach(a -> alerts.resolve(a, clock.now));
    advance(60);
    d.pass(LOCAL);
    assertThat(sender.sent).hasSize(2);
    assertThat(sender.sent.get(1).resolved()).hasSize(5);
    assertThat(sender.sent.get(1).firing()).isEmpty();
    advance(3600);
    d.pass(LOCAL);
    assertThat(sender.sent).hasSize(2);
  }

  @Test
  void aRestartOrAnotherReplicaNeitherRepeatsNorLosesATransition() {
    Alert a = alerts.fire(LOCAL, T0, "alertname", "node-not-ready", "node", "n1");
    RoutingDispatcher first = dispatcher();
    first.pass(LOCAL);
    advance(10);
    first.pass(LOCAL);
    assertThat(sender.sent).hasSize(1);
    // the leader dies; the alert resolves; another replica (a new dispatcher, same database) leads
    advance(5);
    alerts.resolve(a, clock.now);
    RoutingDispatcher second = dispatcher();
    second.pass(LOCAL);
    assertThat(sender.sent).hasSize(1); // waits for the group's interval since the last message
    advance(60);
    second.pass(LOCAL);
    assertThat(sender.sent).hasSize(2);
    assertThat(sender.sent.get(1).resolved())
        .extracting(Alert::fingerprint)
        .containsExactly(a.fingerprint());
    RoutingDispatcher third = dispatcher();
    advance(120);
    third.pass(LOCAL);
    advance(120);
    third.pass(LOCAL);
    assertThat(sender.sent).hasSize(2);
  }

  @Test
  void aFiringAlertSeenByANewReplicaIsNotSentAgain() {
    alerts.fire(LOCAL, T0, "alertname", "node-not-ready", "node", "n1");
    RoutingDispatcher first = dispatcher();
    first.pass(LOCAL);
    advance(10);
    first.pass(LOCAL);
    RoutingDispatcher second = dispatcher();
    for (int i = 0; i < 5; i++) {
      advance(30);
      second.pass(LOCAL);
    }
    assertThat(sender.sent).hasSize(1);
  }

  @Test
  void aFailedDeliveryIsTriedAgainAtTheNextInterval() {
    sender.deliver = false;
    alerts.fire(LOCAL, T0, "alertname", "x");
    RoutingDispatcher d = dispatcher();
    d.pass(LOCAL);
    advance(10);
    d.pass(LOCAL);
    sender.deliver = true;
    advance(60);
    d.pass(LOCAL);
    advance(60);
    d.pass(LOCAL);
    assertThat(sender.sent).hasSize(2);
  }

  @Test
  void neverTwoSendsInFlightForAGroupAndChannel() {
    sender.hold = true;
    alerts.fire(LOCAL, T0, "alertname", "x", "pod", "a");
    RoutingDispatcher d = dispatcher();
    d.pass(LOCAL);
    advance(10);
    d.pass(LOCAL);
    alerts.fire(LOCAL, T0, "alertname", "x", "pod", "b");
    advance(60);
    d.pass(LOCAL);
    assertThat(sender.sent).hasSize(1);
    sender.pending.getFirst().complete(new Delivery(true, 1, Duration.ZERO, null));
    advance(60);
    d.pass(LOCAL);
    assertThat(sender.sent).hasSize(2);
    assertThat(sender.sent.get(1).firing()).hasSize(2);
  }

  @Test
  void silencedInhibitedAndMaintainedAlertsAreHeldBackAndRecordedOnce() {
    Alert down = alerts.fire(LOCAL, T0, "alertname", "node-not-ready", "node", "n1");
    Alert onDownNode =
        alerts.fire(LOCAL, T0, "alertname", "pod-crash-looping", "node", "n1", "pod", "p");
    Alert silenced = alerts.fire(LOCAL, T0, "alertname", "pvc-pending", "namespace", "a");
    Alert maint = alerts.fire(LOCAL, T0, "alertname", "deployment-unavailable", "node", "n9");
    maintained = Set.of("n9");
    silences.insert(
        new Silence(
            "s1",
            List.of("alertname=\"pvc-pending\""),
            T0,
            T0.plusSeconds(3600),
            "known",
            "bob",
            T0,
            null,
            null));
    RoutingDispatcher d = dispatcher();
    d.pass(LOCAL);
    advance(10);
    d.pass(LOCAL);
    advance(60);
    d.pass(LOCAL);
    assertThat(sender.sent)
        .singleElement()
        .satisfies(
            n ->
                assertThat(n.firing())
                    .extracting(Alert::fingerprint)
                    .containsExactly(down.fingerprint()));
    assertThat(history.entries)
        .extracting(HistoryEntry::kind, HistoryEntry::fingerprint)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(HistoryKind.INHIBITED, onDownNode.fingerprint()),
            org.assertj.core.groups.Tuple.tuple(HistoryKind.SILENCED, silenced.fingerprint()),
            org.assertj.core.groups.Tuple.tuple(HistoryKind.MUTED, maint.fingerprint()));
  }

  @Test
  void aMuteTimingHoldsTheRouteBackUntilItEnds() {
    policies.save(
        policy(
            "0s",
            "1m",
            List.of("now"),
            List.of(
                new TimeIntervalSpec(
                    "now",
                    List.of(
                        new IntervalSpec(
                            List.of(new TimeRangeSpec("10:00", "10:05")),
                            null,
                            null,
                            null,
                            null,
                            null))))),
        1,
        "admin",
        T0);
    alerts.fire(LOCAL, T0, "alertname", "x");
    RoutingDispatcher d = dispatcher();
    d.pass(LOCAL);
    assertThat(sender.sent).isEmpty();
    assertThat(history.entries).extracting(HistoryEntry::kind).containsExactly(HistoryKind.MUTED);
    advance(300);
    d.pass(LOCAL);
    assertThat(sender.sent).hasSize(1);
  }

  @Test
  void aReplicaThatDoesNotOwnTheScopeSendsNothing() {
    ownership.owned.clear();
    alerts.fire(LOCAL, T0, "alertname", "x");
    RoutingDispatcher d = dispatcher();
    assertThat(d.pass(LOCAL)).isEmpty();
    advance(60);
    d.pass(LOCAL);
    assertThat(sender.sent).isEmpty();
  }

  @Test
  void theDispatcherThreadFlushesOnWake() throws Exception {
    policies.save(policy("0s", "1m", null, null), 1, "admin", T0);
    alerts.fire(LOCAL, T0, "alertname", "x");
    try (RoutingDispatcher d = dispatcher()) {
      d.start(Duration.ofHours(1));
      d.wake(LOCAL);
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (sender.sent.isEmpty() && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      assertThat(sender.sent).extracting(Notification::channel).containsExactly("ops");
    }
  }
}
