package io.kubeward.server.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class NodeHealthPropertiesTest {

  private static NodeHealthProperties with(Duration interval, Duration stale, int transitions) {
    return new NodeHealthProperties(
        true,
        interval,
        stale,
        transitions,
        Duration.ofMinutes(10),
        5,
        Duration.ofMinutes(10),
        Duration.ofHours(24),
        500);
  }

  @Test
  void validValuesBecomeTheDetectionRules() {
    NodeHealthProperties properties = with(Duration.ofSeconds(5), Duration.ofSeconds(45), 3);

    assertThat(properties.rules().heartbeatStaleAfter()).isEqualTo(Duration.ofSeconds(45));
    assertThat(properties.rules().flappingTransitions()).isEqualTo(3);
  }

  @Test
  void badValuesStopTheStartNamingTheProperty() {
    assertThatThrownBy(() -> with(Duration.ofMillis(10), Duration.ofSeconds(45), 3))
        .hasMessageContaining("scan-interval");
    assertThatThrownBy(() -> with(Duration.ofSeconds(5), Duration.ZERO, 3))
        .hasMessageContaining("heartbeat-stale-after");
    assertThatThrownBy(() -> with(Duration.ofSeconds(5), Duration.ofSeconds(45), 1))
        .hasMessageContaining("flapping-transitions");
  }
}
