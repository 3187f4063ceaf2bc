package io.kubeward.maintenance.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A weekly window in which nodes may be taken out of service: {@code days} (Mon..Sun; empty: every
 * day), {@code start} and {@code end} as {@code HH:mm} in {@code timeZone} (default UTC). An end at
 * or before the start crosses midnight: the window opens on a listed day and closes the next.
 */
public record MaintenanceWindow(
    @Nullable List<String> days, String start, String end, @Nullable String timeZone) {

  public MaintenanceWindow {
    days = days == null ? List.of() : List.copyOf(days);
  }

  /**
   * @throws IllegalArgumentException with the reason if a field is malformed
   */
  public void validate() {
    days.forEach(MaintenanceWindow::day);
    LocalTime.parse(requireText(start, "start"));
    LocalTime.parse(requireText(end, "end"));
    zone();
  }

  /** Whether {@code now} lies in this window. */
  public boolean isOpen(Instant now) {
    ZonedDateTime local = now.atZone(zone());
    LocalTime from = LocalTime.parse(start);
    LocalTime to = LocalTime.parse(end);
    LocalTime time = local.toLocalTime();
    DayOfWeek today = local.getDayOfWeek();
    if (from.isBefore(to)) {
      return listed(today) && !time.isBefore(from) && time.isBefore(to);
    }
    return (listed(today) && !time.isBefore(from)) || (listed(today.minus(1)) && time.isBefore(to));
  }

  private boolean listed(DayOfWeek day) {
    return days.isEmpty() || days.stream().map(MaintenanceWindow::day).anyMatch(day::equals);
  }

  ZoneId zone() {
    return timeZone == null || timeZone.isBlank() ? ZoneId.of("UTC") : ZoneId.of(timeZone);
  }

  static DayOfWeek day(String name) {
    String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    for (DayOfWeek d : DayOfWeek.values()) {
      String full = d.name().toLowerCase(Locale.ROOT);
      if (n.length() >= 3 && full.startsWith(n)) {
        return d;
      }
    }
    throw new IllegalArgumentException("\"" + name + "\" is not a day (Mon, Tue, ... Sun)");
  }

  private static String requireText(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " is missing (HH:mm)");
    }
    return value;
  }
}
