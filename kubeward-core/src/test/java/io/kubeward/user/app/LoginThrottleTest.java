package io.kubeward.user.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

  /** A clock the test moves by hand. */
  static final class ShiftedClock extends Clock {
    private Instant now = Instant.parse("2026-11-22T10:00:00Z");

    void shift(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  private final ShiftedClock clock = new ShiftedClock();
  private final LoginThrottle throttle =
      new LoginThrottle(new LoginThrottle.Settings(5, 8, Duration.ofMinutes(15)), clock);

  @Test
  void theSixthAttemptWithinTheWindowWaitsUntilTheOldestFailureExpires() {
    for (int i = 0; i < 5; i++) {
      assertThat(throttle.retryAfter("tom", "10.0.0.1")).isEmpty();
      throttle.recordFailure("tom", "10.0.0.1");
      clock.shift(Duration.ofMinutes(1));
    }

    // failures at 0..4 min, now 5 min: the first one leaves the window at 15 min
    assertThat(throttle.retryAfter("tom", "10.0.0.1")).contains(Duration.ofMinutes(10));
    assertThat(throttle.retryAfter("tom", "10.0.0.2")).contains(Duration.ofMinutes(10));
    assertThat(throttle.retryAfter("ann", "10.0.0.1")).isEmpty();

    clock.shift(Duration.ofMinutes(10));
    assertThat(throttle.retryAfter("tom", "10.0.0.1")).isEmpty();
  }

  @Test
  void failuresOutsideTheWindowDoNotCount() {
    for (int i = 0; i < 4; i++) {
      throttle.recordFailure("tom", null);
    }
    clock.shift(Duration.ofMinutes(15));
    throttle.recordFailure("tom", null);

    assertThat(throttle.retryAfter("tom", null)).isEmpty();
  }

  @Test
  void oneAddressTryingManyNamesIsThrottledToo() {
    for (int i = 0; i < 8; i++) {
      throttle.recordFailure("user" + i, "10.9.9.9");
    }

    assertThat(throttle.retryAfter("someone-else", "10.9.9.9")).contains(Duration.ofMinutes(15));
    assertThat(throttle.retryAfter("someone-else", "10.0.0.1")).isEmpty();
  }

  @Test
  void aSuccessClearsTheUsersFailuresButNotTheAddresss() {
    for (int i = 0; i < 4; i++) {
      throttle.recordFailure("tom", "10.0.0.1");
    }
    throttle.recordSuccess("tom");
    for (int i = 0; i < 4; i++) {
      throttle.recordFailure("tom", "10.0.0.1");
    }

    assertThat(throttle.retryAfter("tom", "10.0.0.3")).isEmpty();
    assertThat(throttle.retryAfter("tom", "10.0.0.1")).contains(Duration.ofMinutes(15));
  }

  @Test
  void badSettingsAreRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new LoginThrottle.Settings(0, 5, Duration.ofMinutes(1)));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new LoginThrottle.Settings(5, 5, Duration.ZERO));
    assertThat(LoginThrottle.Settings.defaults())
        .isEqualTo(new LoginThrottle.Settings(5, 5, Duration.ofMinutes(15)));
  }

  @Test
  void throttledProblemRoundsTheWaitUpToWholeSeconds() {
    AuthException e = AuthException.throttled(Duration.ofMillis(1_001));
    assertThat(e.code()).isEqualTo("auth.throttled");
    assertThat(e.properties()).containsEntry("retryAfterSeconds", 2L);
  }
}
