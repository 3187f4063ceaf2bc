package io.kubeward.alert.domain.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SilenceValidationTest {

  private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
  private static final Duration MAX = Duration.ofDays(30);

  @Test
  void aValidSilenceAndItsStates() {
    var m =
        SilenceValidation.check(
            List.of("cluster=\"local\"", "alertname=\"pod-crash-looping\""),
            null,
            NOW.plusSeconds(3600),
            "deploying",
            NOW,
            MAX);
    assertThat(Silence.clusterOf(m)).contains("local");
    Silence s =
        new Silence(
            "id",
            List.of("cluster=\"local\""),
            NOW.plusSeconds(10),
            NOW.plusSeconds(20),
            "c",
            "bob",
            NOW,
            null,
            null);
    assertThat(s.state(NOW)).isEqualTo(Silence.State.PENDING);
    assertThat(s.state(NOW.plusSeconds(10))).isEqualTo(Silence.State.ACTIVE);
    assertThat(s.state(NOW.plusSeconds(20))).isEqualTo(Silence.State.EXPIRED);
    assertThat(s.matches(Map.of("cluster", "local"))).isTrue();
  }

  @Test
  void silencingEverythingAndOtherMistakesAreRefused() {
    assertThatThrownBy(
            () ->
                SilenceValidation.check(
                    List.of("cluster=~\".*\""), null, NOW.minusSeconds(1), " ", NOW, MAX))
        .isInstanceOfSatisfying(
            InvalidRoutingException.class,
            e ->
                assertThat(String.join("\n", e.problems()))
                    .contains("must not match an empty label")
                    .contains("endsAt: must be in the future")
                    .contains("comment"));
    assertThatThrownBy(
            () ->
                SilenceValidation.check(
                    List.of("a=\"b\""), null, NOW.plus(Duration.ofDays(31)), "x", NOW, MAX))
        .hasMessageContaining("at most 30d");
    assertThatThrownBy(
            () -> SilenceValidation.check(List.of(), null, NOW.plusSeconds(5), "x", NOW, MAX))
        .hasMessageContaining("at least one matcher");
  }
}
