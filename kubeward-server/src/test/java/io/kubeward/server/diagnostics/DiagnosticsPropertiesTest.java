package io.kubeward.server.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DiagnosticsPropertiesTest {

  static DiagnosticsProperties with(Duration fullPass, Duration debounce, Duration readiness) {
    return new DiagnosticsProperties(
        true,
        fullPass,
        debounce,
        10_000,
        20_000,
        Duration.ofDays(7),
        10_000,
        Duration.ofMinutes(10),
        new DiagnosticsProperties.Rules(
            readiness,
            Duration.ofMinutes(10),
            Duration.ofHours(1),
            5,
            Duration.ofMinutes(5),
            Duration.ofMinutes(5),
            Duration.ofMinutes(2),
            Duration.ofMinutes(2),
            Duration.ofMinutes(2),
            Duration.ofMinutes(5),
            Duration.ofMinutes(30),
            Duration.ofMinutes(10),
            Duration.ofHours(1),
            Duration.ofMinutes(10),
            Duration.ofDays(1)));
  }

  @Test
  void defaultsAreUsable() {
    var settings =
        with(Duration.ofMinutes(1), Duration.ofSeconds(2), Duration.ofMinutes(5)).settings();
    assertThat(settings.rules().readinessGrace()).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void outOfRangeValuesStopTheStartWithTheReason() {
    assertThatThrownBy(
            () -> with(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofMinutes(5)))
        .hasMessageContaining("full-pass-interval");
    assertThatThrownBy(
            () -> with(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(5)))
        .hasMessageContaining("debounce");
    assertThatThrownBy(
            () -> with(Duration.ofMinutes(1), Duration.ofSeconds(2), Duration.ofMinutes(-1)))
        .hasMessageContaining("negative");
  }
}
