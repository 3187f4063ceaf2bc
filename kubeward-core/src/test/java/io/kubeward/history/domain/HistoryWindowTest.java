package io.kubeward.history.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HistoryWindowTest {

  static final Instant NOW = Instant.parse("2026-12-03T10:07:13.500Z");
  static final Duration PROMETHEUS = Duration.ofSeconds(15);
  static final Duration MAX = Duration.ofDays(32);

  @Test
  void namedRangesGetRoundStepsWithinTheChartsPoints() {
    assertThat(HistoryWindow.of("1h", null, null, NOW, PROMETHEUS, MAX).step())
        .isEqualTo(Duration.ofSeconds(15));
    assertThat(HistoryWindow.of("6h", null, null, NOW, PROMETHEUS, MAX).step())
        .isEqualTo(Duration.ofSeconds(30));
    assertThat(HistoryWindow.of("24h", null, null, NOW, PROMETHEUS, MAX).step())
        .isEqualTo(Duration.ofMinutes(2));
    assertThat(HistoryWindow.of("7d", null, null, NOW, PROMETHEUS, MAX).step())
        .isEqualTo(Duration.ofMinutes(15));
    for (String range : HistoryWindow.RANGES.keySet()) {
      assertThat(HistoryWindow.of(range, null, null, NOW, PROMETHEUS, MAX).points())
          .isLessThanOrEqualTo(HistoryWindow.MAX_CHART_POINTS + 1);
    }
  }

  @Test
  void theBuiltInHistoryNeverGoesBelowItsSampleInterval() {
    assertThat(HistoryWindow.of("1h", null, null, NOW, Duration.ofSeconds(30), MAX).step())
        .isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void startAndEndAreAlignedToTheStep() {
    HistoryWindow w = HistoryWindow.of("1h", null, null, NOW, PROMETHEUS, MAX);
    assertThat(w.end()).isEqualTo(Instant.parse("2026-12-03T10:07:00Z"));
    assertThat(w.start()).isEqualTo(Instant.parse("2026-12-03T09:07:00Z"));
  }

  @Test
  void customWindows() {
    HistoryWindow w =
        HistoryWindow.of(
            null,
            NOW.minus(Duration.ofDays(30)),
            NOW.minus(Duration.ofDays(1)),
            NOW,
            PROMETHEUS,
            MAX);
    assertThat(w.points()).isLessThanOrEqualTo(HistoryWindow.MAX_CHART_POINTS + 1);
    assertThat(w.step()).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void boundsAreEnforced() {
    assertThatThrownBy(() -> HistoryWindow.of("2h", null, null, NOW, PROMETHEUS, MAX))
        .hasMessageContaining("1h, 6h, 24h, 7d");
    assertThatThrownBy(
            () ->
                HistoryWindow.of(null, NOW.minus(Duration.ofDays(40)), null, NOW, PROMETHEUS, MAX))
        .hasMessageContaining("longer");
    assertThatThrownBy(() -> HistoryWindow.of(null, NOW, NOW.minusSeconds(5), NOW, PROMETHEUS, MAX))
        .hasMessageContaining("after");
    assertThatThrownBy(
            () -> HistoryWindow.of("1h", null, NOW.plus(Duration.ofDays(1)), NOW, PROMETHEUS, MAX))
        .hasMessageContaining("future");
    assertThatThrownBy(
            () -> HistoryWindow.of("1h", NOW.minusSeconds(60), null, NOW, PROMETHEUS, MAX))
        .hasMessageContaining("not both");
  }
}
