package io.kubeward.alert.domain.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeward.alert.domain.routing.PolicyDocument.IntervalSpec;
import io.kubeward.alert.domain.routing.PolicyDocument.TimeIntervalSpec;
import io.kubeward.alert.domain.routing.PolicyDocument.TimeRangeSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeIntervalTest {

  private static TimeInterval of(IntervalSpec spec) {
    List<String> problems = new ArrayList<>();
    TimeInterval t = TimeInterval.compile(new TimeIntervalSpec("t", List.of(spec)), "t", problems);
    assertThat(problems).isEmpty();
    return t;
  }

  @Test
  void lastDaysOfTheMonthCountFromTheEnd() {
    TimeInterval t = of(new IntervalSpec(null, null, List.of("-2:-1"), null, null, null));
    assertThat(t.contains(Instant.parse("2026-02-27T10:00:00Z"))).isTrue();
    assertThat(t.contains(Instant.parse("2026-02-26T10:00:00Z"))).isFalse();
    assertThat(t.contains(Instant.parse("2026-01-31T10:00:00Z"))).isTrue();
  }

  @Test
  void monthsYearsAndTimes() {
    TimeInterval t =
        of(
            new IntervalSpec(
                List.of(new TimeRangeSpec("09:00", "17:00")),
                List.of("saturday", "sunday"),
                null,
                List.of("december", "1:2"),
                List.of("2026"),
                null));
    assertThat(t.contains(Instant.parse("2026-12-05T09:00:00Z"))).isTrue();
    assertThat(t.contains(Instant.parse("2026-12-05T17:00:00Z"))).isFalse();
    assertThat(t.contains(Instant.parse("2026-12-07T10:00:00Z"))).isFalse(); // Monday
    assertThat(t.contains(Instant.parse("2027-01-02T10:00:00Z"))).isFalse(); // 2027
  }

  @Test
  void anEndOf2400AndRangesAcrossMidnight() {
    TimeInterval late =
        of(
            new IntervalSpec(
                List.of(new TimeRangeSpec("20:00", "24:00")), null, null, null, null, null));
    assertThat(late.contains(Instant.parse("2026-12-05T23:59:00Z"))).isTrue();
    assertThat(late.contains(Instant.parse("2026-12-05T00:00:00Z"))).isFalse();
    TimeInterval night =
        of(
            new IntervalSpec(
                List.of(new TimeRangeSpec("22:00", "06:00")), null, null, null, null, null));
    assertThat(night.contains(Instant.parse("2026-12-05T05:59:00Z"))).isTrue();
    assertThat(night.contains(Instant.parse("2026-12-05T06:00:00Z"))).isFalse();
    assertThat(night.contains(Instant.parse("2026-12-05T22:00:00Z"))).isTrue();
  }
}
