package io.kubeward.user.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.kubeward.user.app.LoginThrottle.Decision;
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
  private final LoginThrottle.Settings settings =
      new LoginThrottle.Settings(
          5,
          20,
          Duration.ofMinutes(15),
          Duration.ofSeconds(1),
          Duration.ofMinutes(5),
          Duration.ofSeconds(2),
          1000);
  private final LoginThrottle throttle = new LoginThrottle(settings, clock);

  private static Duration refused(Decision decision) {
    assertThat(decision).isInstanceOf(Decision.Refuse.class);
    return ((Decision.Refuse) decision).retryAfter();
  }

  @Test
  void theDelayOfAUserNameStartsAfterTheFreeFailuresAndDoublesUpToTheMaximum() {
    for (int i = 0; i < 5; i++) {
      assertThat(throttle.check("tom", "10.0.0." + i)).isInstanceOf(Decision.Check.class);
      throttle.recordFailure("tom", "10.0.0." + i);
    }
    assertThat(throttle.check("tom", "10.0.0.9")).isInstanceOf(Decision.Check.class);
    throttle.recordFailure("tom", "10.0.0.9"); // 6th: 1 s

    assertThat(refused(throttle.check("tom", "10.0.0.10"))).isEqualTo(Duration.ofSeconds(1));
    assertThat(throttle.check("ann", "10.0.0.10")).isInstanceOf(Decision.Check.class);
    clock.shift(Duration.ofSeconds(1));
    throttle.recordFailure("tom", "10.0.0.11"); // 7th: 2 s
    assertThat(refused(throttle.check("tom", "10.0.0.12"))).isEqualTo(Duration.ofSeconds(2));
    for (int i = 0; i < 20; i++) {
      clock.shift(Duration.ofMinutes(5));
      throttle.recordFailure("tom", "10.0.1." + i);
    }
    assertThat(refused(throttle.check("tom", "10.0.0.12"))).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void aSuccessForgetsTheUserNamesFailuresAndTheWindowForgetsEverything() {
    for (int i = 0; i < 6; i++) {
      throttle.recordFailure("tom", "10.0.0.1");
    }
    throttle.recordSuccess("tom");
    assertThat(throttle.check("tom", "10.0.0.2")).isInstanceOf(Decision.Check.class);

    for (int i = 0; i < 6; i++) {
      throttle.recordFailure("eve", "10.0.0.3");
    }
    clock.shift(Duration.ofMinutes(15));
    assertThat(throttle.check("eve", "10.0.0.3")).isInstanceOf(Decision.Check.class);
    assertThat(throttle.size()).isZero();
  }

  @Test
  void aRightPasswordGetsThroughAnAddressTrippedByOtherNamesWithinTheBypassInterval() {
    String attacker = "203.0.113.7";
    int checked = 0;
    for (int i = 0; i < 2000; i++) {
      if (throttle.check("random-" + i, attacker) instanceof Decision.Check) {
        checked++;
        throttle.recordFailure("random-" + i, attacker);
      }
      clock.shift(Duration.ofMillis(1)); // 2,000 attempts in 2 s
    }
    // 20 free failures, then one hash check per 2 s bypass interval
    assertThat(checked).isBetween(20, 22);

    Duration wait = refused(throttle.check("admin", attacker));
    assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(2));
    clock.shift(wait);
    assertThat(throttle.check("admin", attacker)).isInstanceOf(Decision.Check.class);
  }

  @Test
  void whileTheAddressIsDelayedOnlyOneNameIsCheckedPerBypassInterval() {
    for (int i = 0; i < 21; i++) {
      throttle.recordFailure("x" + i, "203.0.113.8");
    }
    assertThat(throttle.check("a", "203.0.113.8")).isInstanceOf(Decision.Check.class);
    assertThat(refused(throttle.check("b", "203.0.113.8"))).isEqualTo(Duration.ofSeconds(1));
    clock.shift(Duration.ofMillis(500));
    throttle.recordFailure("a", "203.0.113.8"); // the address is delayed 2 s more
    assertThat(refused(throttle.check("b", "203.0.113.8"))).isEqualTo(Duration.ofMillis(1500));
  }

  @Test
  void aNameWithItsOwnFailuresGetsNoBypassOfItsDelayedAddress() {
    for (int i = 0; i < 25; i++) {
      throttle.recordFailure(i < 5 ? "admin" : "x" + i, "198.51.100.1");
    }
    clock.shift(Duration.ofSeconds(10));
    // admin has 5 failures (the free ones): not blocked by itself, but no bypass either
    Duration wait = refused(throttle.check("admin", "198.51.100.1"));
    assertThat(wait).isGreaterThan(Duration.ofSeconds(2));
    assertThat(throttle.check("admin", "198.51.100.2")).isInstanceOf(Decision.Check.class);
  }

  @Test
  void memoryIsBounded() {
    for (int i = 0; i < 5000; i++) {
      throttle.recordFailure("u" + i, "10.1." + (i / 250) + "." + (i % 250));
    }
    assertThat(throttle.size()).isLessThanOrEqualTo(1000);
  }

  @Test
  void badSettingsAreRefused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new LoginThrottle.Settings(0, 5, Duration.ofMinutes(1)));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new LoginThrottle.Settings(5, 5, Duration.ZERO));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new LoginThrottle.Settings(5, 5, Duration.ofDays(2)));
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new LoginThrottle.Settings(
                    5,
                    5,
                    Duration.ofMinutes(1),
                    Duration.ofMinutes(2),
                    Duration.ofMinutes(1),
                    Duration.ofSeconds(1),
                    1000));
  }
}
