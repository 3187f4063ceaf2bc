package io.kubeward.diagnostics.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CronScheduleTest {

  static Instant next(String schedule, String after) {
    return CronSchedule.parse(schedule)
        .orElseThrow()
        .next(Instant.parse(after), ZoneOffset.UTC)
        .orElseThrow();
  }

  @Test
  void readsTheUsualForms() {
    assertThat(next("*/15 * * * *", "2026-12-03T10:07:00Z")).isEqualTo("2026-12-03T10:15:00Z");
    assertThat(next("0 3 * * *", "2026-12-03T03:00:00Z")).isEqualTo("2026-12-04T03:00:00Z");
    assertThat(next("30 2 * * MON-FRI", "2026-12-04T03:00:00Z")).isEqualTo("2026-12-07T02:30:00Z");
    assertThat(next("@hourly", "2026-12-03T10:07:00Z")).isEqualTo("2026-12-03T11:00:00Z");
    assertThat(next("0 0 1 JAN *", "2026-12-03T10:07:00Z")).isEqualTo("2027-01-01T00:00:00Z");
    assertThat(next("0 0 29 2 *", "2026-12-03T00:00:00Z")).isEqualTo("2028-02-29T00:00:00Z");
    // Day of month and day of week both restricted: either matches.
    assertThat(next("0 0 15 * 0", "2026-12-03T00:00:00Z")).isEqualTo("2026-12-06T00:00:00Z");
  }

  @Test
  void honoursTimeZones() {
    assertThat(
            CronSchedule.parse("CRON_TZ=Asia/Shanghai 0 9 * * *")
                .orElseThrow()
                .next(Instant.parse("2026-12-03T00:00:00Z"), ZoneOffset.UTC))
        .contains(Instant.parse("2026-12-03T01:00:00Z"));
    assertThat(
            CronSchedule.parse("0 9 * * *")
                .orElseThrow()
                .next(Instant.parse("2026-12-03T00:00:00Z"), ZoneId.of("Asia/Shanghai")))
        .contains(Instant.parse("2026-12-03T01:00:00Z"));
  }

  @Test
  void refusesWhatItCannotRead() {
    assertThat(CronSchedule.parse("@every 5m")).isEmpty();
    assertThat(CronSchedule.parse("61 * * * *")).isEmpty();
    assertThat(CronSchedule.parse("* * * *")).isEmpty();
    assertThat(CronSchedule.parse(null)).isEmpty();
    assertThat(CronSchedule.parse("0 0 31 2 *").orElseThrow().next(Instant.EPOCH, ZoneOffset.UTC))
        .isEmpty();
  }
}
