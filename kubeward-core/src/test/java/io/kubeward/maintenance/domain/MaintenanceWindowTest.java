package io.kubeward.maintenance.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MaintenanceWindowTest {

  // 2026-11-23 is a Monday
  static Instant utc(String text) {
    return Instant.parse(text);
  }

  @Test
  void openOnListedDaysBetweenStartAndEndInItsTimeZone() {
    MaintenanceWindow w = new MaintenanceWindow(List.of("Mon"), "02:00", "05:00", "Asia/Shanghai");
    assertThat(w.isOpen(utc("2026-11-22T18:00:00Z"))).as("Mon 02:00 in Shanghai").isTrue();
    assertThat(w.isOpen(utc("2026-11-22T20:59:59Z"))).as("Mon 04:59:59").isTrue();
    assertThat(w.isOpen(utc("2026-11-22T21:00:00Z"))).as("Mon 05:00, end excluded").isFalse();
    assertThat(w.isOpen(utc("2026-11-23T02:00:00Z"))).as("Mon 02:00 UTC is 10:00 there").isFalse();
    assertThat(w.isOpen(utc("2026-11-23T18:00:00Z"))).as("Tue 02:00 there").isFalse();
  }

  @Test
  void aWindowEndingBeforeItStartsCrossesMidnight() {
    MaintenanceWindow w = new MaintenanceWindow(List.of("Friday"), "22:00", "02:00", null);
    assertThat(w.isOpen(utc("2026-11-27T23:00:00Z"))).as("Fri 23:00").isTrue();
    assertThat(w.isOpen(utc("2026-11-28T01:00:00Z"))).as("Sat 01:00").isTrue();
    assertThat(w.isOpen(utc("2026-11-28T23:00:00Z"))).as("Sat 23:00").isFalse();
    assertThat(w.isOpen(utc("2026-11-27T01:00:00Z"))).as("Fri 01:00").isFalse();
  }

  @Test
  void noDaysMeansEveryDay() {
    MaintenanceWindow w = new MaintenanceWindow(null, "00:00", "23:59", "UTC");
    assertThat(w.isOpen(utc("2026-11-25T12:00:00Z"))).isTrue();
  }

  @Test
  void malformedFieldsAreRejected() {
    assertThatThrownBy(
            () -> new MaintenanceWindow(List.of("Someday"), "02:00", "03:00", null).validate())
        .hasMessageContaining("Someday");
    assertThatThrownBy(() -> new MaintenanceWindow(null, "25:00", "03:00", null).validate())
        .isInstanceOf(java.time.DateTimeException.class);
    assertThatThrownBy(
            () -> new MaintenanceWindow(null, "02:00", "03:00", "Mars/Olympus").validate())
        .isInstanceOf(java.time.DateTimeException.class);
  }
}
