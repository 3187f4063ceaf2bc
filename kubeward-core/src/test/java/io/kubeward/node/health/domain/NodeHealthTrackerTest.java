package io.kubeward.node.health.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NodeHealthTrackerTest {

  private static final Instant T0 = Instant.parse("2026-11-22T00:00:00Z");
  private static final NodeHealthRules RULES =
      new NodeHealthRules(
          Duration.ofSeconds(30),
          3,
          Duration.ofMinutes(5),
          2,
          Duration.ofMinutes(10),
          Duration.ofHours(1));

  private final NodeHealthTracker tracker = new NodeHealthTracker("c1", RULES);

  private static NodeObservation ready(String status) {
    return new NodeObservation("n1", status, Set.of(), false, null, Map.of());
  }

  private static Instant at(long seconds) {
    return T0.plusSeconds(seconds);
  }

  @Test
  void aHealthyNodeHasNoDetection() {
    assertThat(tracker.observe(ready("True"), at(0))).isEmpty();
    assertThat(tracker.active()).isEmpty();
  }

  @Test
  void notReadyStartsAndEndsWithTheTimesOfTheObservations() {
    tracker.observe(ready("True"), at(0));

    List<HealthDetection> started = tracker.observe(ready("False"), at(10));
    List<HealthDetection> ongoing = tracker.observe(ready("False"), at(20));
    List<HealthDetection> ended = tracker.observe(ready("True"), at(70));

    assertThat(started)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.type()).isEqualTo(NodeHealthType.NotReady);
              assertThat(d.startedAt()).isEqualTo(at(10));
              assertThat(d.active()).isTrue();
            });
    assertThat(ongoing).isEmpty();
    assertThat(ended)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.type()).isEqualTo(NodeHealthType.NotReady);
              assertThat(d.startedAt()).isEqualTo(at(10));
              assertThat(d.endedAt()).isEqualTo(at(70));
            });
    assertThat(tracker.active()).isEmpty();
  }

  @Test
  void unknownReadinessIsItsOwnDetection() {
    assertThat(tracker.observe(ready("Unknown"), at(0)))
        .extracting(HealthDetection::type)
        .containsExactly(NodeHealthType.Unknown);
  }

  @Test
  void aHeartbeatOlderThanTheThresholdIsStaleUntilANewOneArrives() {
    NodeObservation beat = new NodeObservation("n1", "True", Set.of(), false, at(0), Map.of());

    assertThat(tracker.observe(beat, at(30))).isEmpty();
    assertThat(tracker.observe(beat, at(31)))
        .extracting(HealthDetection::type)
        .containsExactly(NodeHealthType.HeartbeatStale);
    NodeObservation fresh = new NodeObservation("n1", "True", Set.of(), false, at(40), Map.of());
    assertThat(tracker.observe(fresh, at(41)))
        .singleElement()
        .satisfies(d -> assertThat(d.endedAt()).isEqualTo(at(41)));
  }

  @Test
  void pressureConditionsAreDetectedWhileTrue() {
    NodeObservation pressured =
        new NodeObservation(
            "n1", "True", Set.of("MemoryPressure", "PIDPressure"), false, null, Map.of());

    assertThat(tracker.observe(pressured, at(0)))
        .extracting(HealthDetection::type)
        .containsExactlyInAnyOrder(NodeHealthType.MemoryPressure, NodeHealthType.PIDPressure);
    assertThat(tracker.observe(ready("True"), at(5)))
        .extracting(HealthDetection::type)
        .containsExactlyInAnyOrder(NodeHealthType.MemoryPressure, NodeHealthType.PIDPressure);
  }

  @Test
  void flappingNeedsNTransitionsWithinTheWindowAndEndsWhenTheyAge() {
    tracker.observe(ready("True"), at(0));
    tracker.observe(ready("False"), at(10)); // 1
    tracker.observe(ready("True"), at(20)); // 2
    assertThat(tracker.active())
        .extracting(HealthDetection::type)
        .doesNotContain(NodeHealthType.Flapping);

    List<HealthDetection> third = tracker.observe(ready("False"), at(30)); // 3

    assertThat(third).extracting(HealthDetection::type).contains(NodeHealthType.Flapping);
    // still flapping while the three transitions are within 5 minutes of each other
    tracker.observe(ready("True"), at(40));
    assertThat(tracker.active())
        .extracting(HealthDetection::type)
        .contains(NodeHealthType.Flapping);
    // 5 minutes after the 2nd transition only 2 remain in the window
    List<HealthDetection> later = tracker.observe(ready("True"), at(321));
    assertThat(later)
        .filteredOn(d -> d.type() == NodeHealthType.Flapping)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.startedAt()).isEqualTo(at(30));
              assertThat(d.endedAt()).isEqualTo(at(321));
            });
  }

  @Test
  void frequentEvictionsCountDistinctEvictionsWithinTheWindow() {
    NodeObservation one =
        new NodeObservation("n1", "True", Set.of(), false, null, Map.of("pod:a", at(0)));
    NodeObservation again =
        new NodeObservation("n1", "True", Set.of(), false, null, Map.of("pod:a", at(5)));
    NodeObservation two =
        new NodeObservation("n1", "True", Set.of(), false, null, Map.of("pod:b", at(60)));

    assertThat(tracker.observe(one, at(0))).isEmpty();
    assertThat(tracker.observe(again, at(5))).isEmpty();
    assertThat(tracker.observe(two, at(60)))
        .extracting(HealthDetection::type)
        .containsExactly(NodeHealthType.FrequentEvictions);
    // the first eviction leaves the 10-minute window
    assertThat(tracker.observe(ready("True"), at(601)))
        .singleElement()
        .satisfies(d -> assertThat(d.endedAt()).isEqualTo(at(601)));
  }

  @Test
  void cordonedTooLongStartsAfterTheThresholdAndEndsWithTheUncordon() {
    NodeObservation cordoned = new NodeObservation("n1", "True", Set.of(), true, null, Map.of());

    assertThat(tracker.observe(cordoned, at(0))).isEmpty();
    assertThat(tracker.observe(cordoned, at(3599))).isEmpty();
    assertThat(tracker.observe(cordoned, at(3600)))
        .extracting(HealthDetection::type)
        .containsExactly(NodeHealthType.CordonedTooLong);
    assertThat(tracker.observe(ready("True"), at(4000)))
        .singleElement()
        .satisfies(d -> assertThat(d.endedAt()).isEqualTo(at(4000)));
  }

  @Test
  void aForgottenNodeEndsItsDetections() {
    tracker.observe(ready("False"), at(0));

    assertThat(tracker.forget("n1", at(9)))
        .singleElement()
        .satisfies(d -> assertThat(d.endedAt()).isEqualTo(at(9)));
    assertThat(tracker.nodes()).isEmpty();
  }

  @Test
  void rulesAreValidated() {
    assertThatThrownBy(
            () ->
                new NodeHealthRules(
                    Duration.ZERO,
                    3,
                    Duration.ofMinutes(1),
                    1,
                    Duration.ofMinutes(1),
                    Duration.ofHours(1)))
        .hasMessageContaining("heartbeat-stale-after");
    assertThatThrownBy(
            () ->
                new NodeHealthRules(
                    Duration.ofSeconds(1),
                    1,
                    Duration.ofMinutes(1),
                    1,
                    Duration.ofMinutes(1),
                    Duration.ofHours(1)))
        .hasMessageContaining("flapping-transitions");
  }
}
