package io.kubeward.events.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.MicroTime;
import io.kubeward.cluster.domain.EventProjection;
import io.kubeward.cluster.domain.ObjectView;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StoredEventTest {

  static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");

  static ObservedEvent seen(String uid, String message, long count, Instant last) {
    return new ObservedEvent(
        uid, "a", "Warning", "BackOff", message, "Pod", "a", "p", "pod-uid", "kubelet", count, T0,
        last);
  }

  @Test
  void theSameEventGrowingAddsTheDifferenceAndANewEventObjectItsWholeCount() {
    StoredEvent first = StoredEvent.merge(null, seen("u1", "m", 3, T0.plusSeconds(10)));
    assertThat(first.count()).isEqualTo(3);
    StoredEvent grown = StoredEvent.merge(first, seen("u1", "m", 7, T0.plusSeconds(70)));
    assertThat(grown.count()).isEqualTo(7);
    assertThat(grown.lastSeen()).isEqualTo(T0.plusSeconds(70));
    assertThat(StoredEvent.merge(grown, seen("u1", "m", 7, T0.plusSeconds(70)))).isSameAs(grown);
    StoredEvent recreated = StoredEvent.merge(grown, seen("u2", "m", 2, T0.plusSeconds(4000)));
    assertThat(recreated.count()).isEqualTo(9);
    assertThat(recreated.lastUid()).isEqualTo("u2");
    // the expired one seen again by a re-scan (not newer): counted already
    assertThat(StoredEvent.merge(recreated, seen("u1", "m", 7, T0.plusSeconds(70))).count())
        .isEqualTo(9);
    assertThat(recreated.firstSeen()).isEqualTo(T0);
  }

  @Test
  void theKeyIsObjectReasonAndMessage() {
    assertThat(StoredEvent.keyOf(seen("u1", "m", 1, T0)))
        .isEqualTo(StoredEvent.keyOf(seen("u9", "m", 5, T0.plusSeconds(1))))
        .isNotEqualTo(StoredEvent.keyOf(seen("u1", "other", 1, T0)))
        .hasSize(64);
  }

  @Test
  void eventsK8sIoSeriesAndTheInvolvedObjectAreProjectedAndObserved() {
    ObjectView view =
        EventProjection.event(
            new EventBuilder()
                .withNewMetadata()
                .withNamespace("a")
                .withName("p.1")
                .withUid("e1")
                .withResourceVersion("1")
                .endMetadata()
                .withNewInvolvedObject()
                .withKind("Pod")
                .withNamespace("a")
                .withName("p")
                .withUid("pod-uid")
                .endInvolvedObject()
                .withType("Normal")
                .withReason("Scheduled")
                .withMessage("Successfully assigned a/p to n1")
                .withEventTime(new MicroTime("2026-12-03T10:00:00.000000Z"))
                .withNewSeries()
                .withCount(4)
                .withLastObservedTime(new MicroTime("2026-12-03T10:05:00.000000Z"))
                .endSeries()
                .withReportingComponent("default-scheduler")
                .withAction("Binding")
                .build());
    ObservedEvent e = ObservedEvent.from(view, T0.plusSeconds(9999)).orElseThrow();
    assertThat(e)
        .isEqualTo(
            new ObservedEvent(
                "e1",
                "a",
                "Normal",
                "Scheduled",
                "Successfully assigned a/p to n1",
                "Pod",
                "a",
                "p",
                "pod-uid",
                "default-scheduler",
                4,
                T0,
                T0.plusSeconds(300)));
    assertThat(view.fields()).containsEntry("action", "Binding");
  }

  @Test
  void anEventWithoutInvolvedObjectIsNotObserved() {
    ObjectView view =
        EventProjection.event(
            new EventBuilder()
                .withNewMetadata()
                .withNamespace("a")
                .withName("x")
                .withUid("e2")
                .endMetadata()
                .withReason("R")
                .build());
    assertThat(ObservedEvent.from(view, T0)).isEmpty();
  }

  @Test
  void cursorsRoundTripAndForeignTokensAreRefused() {
    EventCursor cursor = new EventCursor(T0, 42);
    assertThat(EventCursor.parse(cursor.token())).contains(cursor);
    assertThat(EventCursor.parse("not a token!")).isEmpty();
    assertThat(EventCursor.parse("YWJj")).isEmpty();
  }
}
