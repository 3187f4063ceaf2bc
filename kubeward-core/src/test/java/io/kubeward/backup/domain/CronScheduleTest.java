package io.kubeward.backup.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CronScheduleTest {

  private final CronSchedule threeInBerlin = CronSchedule.parse("0 3 * * *", "Europe/Berlin");

  @Test
  void firesAtTheCronTimeInItsTimeZone() {
    // 03:00 in Berlin in winter is 02:00 UTC, in summer 01:00 UTC
    assertThat(threeInBerlin.next(Instant.parse("2026-01-10T12:00:00Z")))
        .contains(Instant.parse("2026-01-11T02:00:00Z"));
    assertThat(threeInBerlin.next(Instant.parse("2026-07-10T12:00:00Z")))
        .contains(Instant.parse("2026-07-11T01:00:00Z"));
  }

  @Test
  void isDueOnlyOnceTheTimeCameAndMissedTimesGiveOneFire() {
    Instant last = Instant.parse("2026-01-10T02:00:00Z");
    assertThat(threeInBerlin.due(last, Instant.parse("2026-01-11T01:59:59Z"))).isEmpty();
    assertThat(threeInBerlin.due(last, Instant.parse("2026-01-11T02:00:00Z")))
        .contains(Instant.parse("2026-01-11T02:00:00Z"));
    // down for three days: one fire, for the latest time
    assertThat(threeInBerlin.due(last, Instant.parse("2026-01-13T09:00:00Z")))
        .contains(Instant.parse("2026-01-13T02:00:00Z"));
    // that time already taken: nothing
    assertThat(
            threeInBerlin.due(
                Instant.parse("2026-01-13T02:00:00Z"), Instant.parse("2026-01-13T09:00:00Z")))
        .isEmpty();
  }

  @Test
  void refusesBadExpressionsAndZones() {
    assertThatThrownBy(() -> CronSchedule.parse("61 * * * *", null))
        .hasMessageContaining("invalid cron expression");
    assertThatThrownBy(() -> CronSchedule.parse("0 3 * * *", "Mars/Olympus"))
        .hasMessageContaining("unknown time zone");
    assertThat(CronSchedule.parse("*/5 * * * *", null).next(Instant.parse("2026-01-01T00:01:00Z")))
        .contains(Instant.parse("2026-01-01T00:05:00Z"));
  }
}
