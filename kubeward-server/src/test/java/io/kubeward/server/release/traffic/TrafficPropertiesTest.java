package io.kubeward.server.release.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TrafficPropertiesTest {

  @Test
  void presenceTtlIsBetweenZeroAndTenMinutes() {
    assertThat(new TrafficProperties(Duration.ZERO).presenceTtl()).isZero();
    assertThat(new TrafficProperties(Duration.ofMinutes(10)).presenceTtl()).hasMinutes(10);
    assertThatThrownBy(() -> new TrafficProperties(Duration.ofSeconds(-1)))
        .hasMessageContaining("presence-ttl");
    assertThatThrownBy(() -> new TrafficProperties(Duration.ofMinutes(11)))
        .hasMessageContaining("presence-ttl");
    assertThatThrownBy(() -> new TrafficProperties(null)).hasMessageContaining("presence-ttl");
  }
}
