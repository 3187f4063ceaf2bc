package io.kubeward.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

  @Test
  void readsKubectlStyleDurations() {
    assertThat(Durations.parse("90")).isEqualTo(Duration.ofSeconds(90));
    assertThat(Durations.parse("90s")).isEqualTo(Duration.ofSeconds(90));
    assertThat(Durations.parse("10m")).isEqualTo(Duration.ofMinutes(10));
    assertThat(Durations.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
  }

  @Test
  void refusesAnythingElse() {
    for (String bad :
        new String[] {
          "", "m", "10x", "1h 30m", "-5s", "5m3", "9223372036854775807h", "99999999999999999999s"
        }) {
      assertThatThrownBy(() -> Durations.parse(bad)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void printsAgesLikeKubectl() {
    assertThat(Durations.age(Duration.ofSeconds(45))).isEqualTo("45s");
    assertThat(Durations.age(Duration.ofMinutes(12))).isEqualTo("12m");
    assertThat(Durations.age(Duration.ofHours(5))).isEqualTo("5h");
    assertThat(Durations.age(Duration.ofDays(3))).isEqualTo("3d");
  }
}
