package io.kubeward.server.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WorkloadsPropertiesTest {

  @Test
  void boundsAreCheckedAtStartUp() {
    assertThat(
            new WorkloadsProperties(Duration.ofMinutes(10), 20, Duration.ofSeconds(1))
                .settings()
                .stuckAfter())
        .isEqualTo(Duration.ofMinutes(10));
    assertThatThrownBy(() -> new WorkloadsProperties(Duration.ZERO, 20, Duration.ofSeconds(1)))
        .hasMessageContaining("stuck-after");
    assertThatThrownBy(() -> new WorkloadsProperties(Duration.ofDays(2), 20, Duration.ofSeconds(1)))
        .hasMessageContaining("stuck-after");
    assertThatThrownBy(
            () -> new WorkloadsProperties(Duration.ofMinutes(1), 501, Duration.ofSeconds(1)))
        .hasMessageContaining("max-finding-pods");
    assertThatThrownBy(
            () -> new WorkloadsProperties(Duration.ofMinutes(1), 5, Duration.ofMillis(10)))
        .hasMessageContaining("stream-tick");
  }
}
