package io.kubeward.logs.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Every number a user sends is bounded; the defaults fill what is not asked for. */
class LogRequestsTest {

  private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
  private static final LogLimits LIMITS = LogLimits.defaults();

  private static LogRequest req(String since, String sinceTime, String tail, String bytes) {
    return new LogRequest("app", true, false, true, since, sinceTime, tail, bytes);
  }

  @Test
  void withoutTailOrSinceTheDefaultTailApplies() {
    LogOptions o = LogRequests.validate(req(null, null, null, null), LIMITS, NOW);
    assertThat(o.tailLines()).isEqualTo(500);
    assertThat(o.limitBytes()).isEqualTo(LIMITS.maxBytes());
    assertThat(o.sinceSeconds()).isNull();
    assertThat(o.container()).isEqualTo("app");
  }

  @Test
  void sinceIsADurationWithinMaxSinceAndReplacesTheDefaultTail() {
    LogOptions o = LogRequests.validate(req("1h30m", null, null, null), LIMITS, NOW);
    assertThat(o.sinceSeconds()).isEqualTo(5400);
    assertThat(o.tailLines()).isNull();
    assertThatThrownBy(() -> LogRequests.validate(req("8d", null, null, null), LIMITS, NOW))
        .isInstanceOfSatisfying(
            LogRequestException.class,
            e -> {
              assertThat(e.code()).isEqualTo(LogRequestException.INVALID_OPTION);
              assertThat(e.properties()).containsEntry("option", "since");
            });
    assertThatThrownBy(() -> LogRequests.validate(req("10 minutes", null, null, null), LIMITS, NOW))
        .isInstanceOf(LogRequestException.class);
    assertThatThrownBy(() -> LogRequests.validate(req("0s", null, null, null), LIMITS, NOW))
        .isInstanceOf(LogRequestException.class);
  }

  @Test
  void sinceTimeIsRfc3339AndNotTooOld() {
    LogOptions o = LogRequests.validate(req(null, "2026-12-03T09:00:00Z", null, null), LIMITS, NOW);
    assertThat(o.sinceTime()).isEqualTo(Instant.parse("2026-12-03T09:00:00Z"));
    assertThatThrownBy(
            () -> LogRequests.validate(req(null, "2026-11-01T00:00:00Z", null, null), LIMITS, NOW))
        .isInstanceOf(LogRequestException.class);
    assertThatThrownBy(() -> LogRequests.validate(req(null, "yesterday", null, null), LIMITS, NOW))
        .isInstanceOf(LogRequestException.class);
    assertThatThrownBy(
            () -> LogRequests.validate(req("1m", "2026-12-03T09:00:00Z", null, null), LIMITS, NOW))
        .isInstanceOf(LogRequestException.class);
  }

  @Test
  void tailAndLimitBytesAreBounded() {
    assertThat(LogRequests.validate(req(null, null, "0", "100"), LIMITS, NOW).tailLines()).isZero();
    for (String bad : new String[] {"-1", "10001", "1e3", "99999999999999999999"}) {
      assertThatThrownBy(() -> LogRequests.validate(req(null, null, bad, null), LIMITS, NOW))
          .isInstanceOf(LogRequestException.class);
    }
    assertThatThrownBy(
            () ->
                LogRequests.validate(
                    req(null, null, null, "" + (LIMITS.maxBytes() + 1)), LIMITS, NOW))
        .isInstanceOf(LogRequestException.class);
  }

  @Test
  void aContainerNameMustBeOne() {
    assertThatThrownBy(
            () ->
                LogRequests.validate(
                    new LogRequest("../x", false, false, false, null, null, null, null),
                    LIMITS,
                    NOW))
        .isInstanceOf(LogRequestException.class);
  }

  @Test
  void durationsParseLikeKubectls() {
    assertThat(LogRequests.parseDuration("90s")).isEqualTo(Duration.ofSeconds(90));
    assertThat(LogRequests.parseDuration("2d")).isEqualTo(Duration.ofDays(2));
    assertThat(LogRequests.parseDuration("1h1m1s")).isEqualTo(Duration.ofSeconds(3661));
    assertThat(LogRequests.parseDuration("h")).isNull();
    assertThat(LogRequests.parseDuration("")).isNull();
  }

  @Test
  void limitsOutOfRangeStopTheStart() {
    assertThatThrownBy(
            () ->
                new LogLimits(
                    0,
                    20,
                    10,
                    100,
                    Duration.ofDays(1),
                    1024,
                    1 << 20,
                    Duration.ofMinutes(5),
                    Duration.ofHours(1)))
        .hasMessageContaining("max-streams-per-user");
    assertThatThrownBy(
            () ->
                new LogLimits(
                    5,
                    20,
                    200,
                    100,
                    Duration.ofDays(1),
                    1024,
                    1 << 20,
                    Duration.ofMinutes(5),
                    Duration.ofHours(1)))
        .hasMessageContaining("default-tail-lines");
  }
}
