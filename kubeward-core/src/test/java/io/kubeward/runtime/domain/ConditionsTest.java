package io.kubeward.runtime.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionsTest {

  enum Reason implements EventReason {
    Started,
    Working,
    Done
  }

  final Instant t0 = Instant.parse("2026-12-03T10:00:00Z");

  @Test
  void theTransitionTimeMovesOnlyWhenTheStatusFlips() {
    List<Condition> c = Conditions.set(List.of(), "Ready", false, Reason.Started, "a", t0, 1L);
    c = Conditions.set(c, "Ready", false, Reason.Working, "b", t0.plusSeconds(5), 2L);
    Condition ready = Conditions.find(c, "Ready").orElseThrow();
    assertThat(ready.lastTransitionTime()).isEqualTo(t0);
    assertThat(ready.reason()).isEqualTo("Working");
    assertThat(ready.observedGeneration()).isEqualTo(2L);
    c = Conditions.set(c, "Ready", true, Reason.Done, "c", t0.plusSeconds(9), 2L);
    assertThat(Conditions.find(c, "Ready").orElseThrow().lastTransitionTime())
        .isEqualTo(t0.plusSeconds(9));
  }

  @Test
  void otherConditionsAndTheOrderAreKept() {
    List<Condition> c = Conditions.set(List.of(), "A", true, Reason.Started, null, t0, 1L);
    c = Conditions.set(c, "B", true, Reason.Started, null, t0, 1L);
    c = Conditions.set(c, "A", false, Reason.Done, null, t0, 1L);
    assertThat(c).extracting(Condition::type).containsExactly("A", "B");
  }

  @Test
  void retryDelaysDoubleUpToTheMaximumWithoutOverflow() {
    RetryPolicy p = new RetryPolicy(Duration.ofMillis(500), Duration.ofSeconds(30));
    assertThat(p.delay(1)).isEqualTo(Duration.ofMillis(500));
    assertThat(p.delay(2)).isEqualTo(Duration.ofSeconds(1));
    assertThat(p.delay(7)).isEqualTo(Duration.ofSeconds(30));
    assertThat(p.delay(Integer.MAX_VALUE)).isEqualTo(Duration.ofSeconds(30));
    assertThatThrownBy(() -> new RetryPolicy(Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
