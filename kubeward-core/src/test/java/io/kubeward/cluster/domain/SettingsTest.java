package io.kubeward.cluster.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SettingsTest {

  @Test
  void probeDefaultsAreTenAndFiveSeconds() {
    assertThat(new ProbeSettings(null, null)).isEqualTo(ProbeSettings.defaults());
    assertThat(ProbeSettings.defaults().interval()).isEqualTo(Duration.ofSeconds(10));
    assertThat(ProbeSettings.defaults().timeout()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void probeTimeoutDefaultsToTheIntervalWhenTheIntervalIsShort() {
    assertThat(new ProbeSettings(Duration.ofSeconds(2), null).timeout())
        .isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void probeIntervalBelowOneSecondIsRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new ProbeSettings(Duration.ofMillis(500), Duration.ofMillis(100)))
        .withMessage("probe interval must be between 1s and 1h, but was 0.5s");
  }

  @Test
  void probeIntervalAboveOneHourIsRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new ProbeSettings(Duration.ofHours(2), null))
        .withMessageContaining("between 1s and 1h, but was 2h");
  }

  @Test
  void probeTimeoutLongerThanTheIntervalIsRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new ProbeSettings(Duration.ofSeconds(5), Duration.ofSeconds(6)))
        .withMessage(
            "probe timeout must be more than 0s and at most the interval (5s), but was 6s");
  }

  @Test
  void zeroProbeTimeoutIsRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new ProbeSettings(Duration.ofSeconds(5), Duration.ZERO))
        .withMessageContaining("more than 0s");
  }

  @Test
  void clientLimitsMustBeConsistent() {
    assertThat(ClientSettings.defaults().maxConcurrentRequests()).isEqualTo(256);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new ClientSettings(10, 20, Duration.ofSeconds(1), Duration.ofSeconds(1)))
        .withMessageContaining("max-concurrent-requests-per-host must be between 1 and");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new ClientSettings(0, 0, Duration.ofSeconds(1), Duration.ofSeconds(1)))
        .withMessageContaining("max-concurrent-requests must be at least 1");
  }
}
