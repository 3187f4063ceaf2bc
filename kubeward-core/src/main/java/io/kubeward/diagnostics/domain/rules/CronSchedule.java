package io.kubeward.diagnostics.domain.rules;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A CronJob's schedule as the CronJob controller reads it: five fields (minute, hour, day of month,
 * month, day of week) with lists, ranges, steps, month and weekday names, {@code ?}, the macros
 * {@code @yearly}, {@code @annually}, {@code @monthly}, {@code @weekly}, {@code @daily}, {@code
 * @midnight}, {@code @hourly}, and a {@code CRON_TZ=}/{@code TZ=} prefix. Day of month and day of
 * week both restricted match either (as cron does). Bounded: {@link #next} looks at most {@value
 * #MAX_DAYS} days ahead. Anything else ({@code @every}, seconds) does not parse.
 */
final class CronSchedule {

  static final int MAX_DAYS = 366 * 5;

  private static final List<String> MONTHS =
      List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
  private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

  private final BitSet minutes;
  private final BitSet hours;
  private final BitSet daysOfMonth;
  private final BitSet months;
  private final BitSet daysOfWeek;
  private final boolean anyDayOfMonth;
  private final boolean anyDayOfWeek;
  private final @Nullable ZoneId zone;

  private CronSchedule(String[] fields, @Nullable ZoneId zone) {
    this.minutes = field(fields[0], 0, 59, List.of(), 0);
    this.hours = field(fields[1], 0, 23, List.of(), 0);
    this.daysOfMonth = field(fields[2], 1, 31, List.of(), 0);
    this.months = field(fields[3], 1, 12, MONTHS, 1);
    BitSet week = field(fields[4], 0, 7, DAYS, 0);
    if (week.get(7)) {
      week.set(0);
    }
    this.daysOfWeek = week;
    this.anyDayOfMonth = fields[2].equals("*") || fields[2].equals("?");
    this.anyDayOfWeek = fields[4].equals("*") || fields[4].equals("?");
    this.zone = zone;
  }

  /** The schedule, or empty when Kubeward cannot read it. */
  static Optional<CronSchedule> parse(@Nullable String schedule) {
    if (schedule == null || schedule.isBlank() || schedule.length() > 200) {
      return Optional.empty();
    }
    String text = schedule.trim();
    ZoneId zone = null;
    try {
      if (text.startsWith("CRON_TZ=") || text.startsWith("TZ=")) {
        int space = text.indexOf(' ');
        if (space < 0) {
          return Optional.empty();
        }
        zone = ZoneId.of(text.substring(text.indexOf('=') + 1, space));
        text = text.substring(space + 1).trim();
      }
      text =
          switch (text.toLowerCase(Locale.ROOT)) {
            case "@yearly", "@annually" -> "0 0 1 1 *";
            case "@monthly" -> "0 0 1 * *";
            case "@weekly" -> "0 0 * * 0";
            case "@daily", "@midnight" -> "0 0 * * *";
            case "@hourly" -> "0 * * * *";
            default -> text;
          };
      String[] fields = text.split("\\s+");
      if (fields.length != 5) {
        return Optional.empty();
      }
      return Optional.of(new CronSchedule(fields, zone));
    } catch (IllegalArgumentException | DateTimeException e) {
      return Optional.empty();
    }
  }

  /** The zone of a {@code CRON_TZ=} prefix, else {@code fallback}. */
  ZoneId zone(ZoneId fallback) {
    return zone == null ? fallback : zone;
  }

  /** The first time strictly after {@code after} the schedule fires, in {@code zone}. */
  Optional<Instant> next(Instant after, ZoneId fallbackZone) {
    ZoneId in = zone(fallbackZone);
    ZonedDateTime start = after.atZone(in).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
    LocalDate day = start.toLocalDate();
    for (int i = 0; i < MAX_DAYS; i++, day = day.plusDays(1)) {
      if (!months.get(day.getMonthValue()) || !dayMatches(day)) {
        continue;
      }
      int fromHour = i == 0 ? start.getHour() : 0;
      for (int hour = hours.nextSetBit(fromHour); hour >= 0; hour = hours.nextSetBit(hour + 1)) {
        int fromMinute = i == 0 && hour == start.getHour() ? start.getMinute() : 0;
        int minute = minutes.nextSetBit(fromMinute);
        if (minute >= 0) {
          return Optional.of(
              ZonedDateTime.of(LocalDateTime.of(day, LocalTime.of(hour, minute)), in).toInstant());
        }
      }
    }
    return Optional.empty();
  }

  private boolean dayMatches(LocalDate day) {
    boolean dom = daysOfMonth.get(day.getDayOfMonth());
    boolean dow = daysOfWeek.get(day.getDayOfWeek().getValue() % 7);
    if (anyDayOfMonth || anyDayOfWeek) {
      return dom && dow;
    }
    return dom || dow;
  }

  private static BitSet field(String text, int min, int max, List<String> names, int nameBase) {
    BitSet bits = new BitSet(max + 1);
    for (String part : text.split(",")) {
      int step = 1;
      String range = part;
      int slash = part.indexOf('/');
      if (slash >= 0) {
        step = Integer.parseInt(part.substring(slash + 1));
        range = part.substring(0, slash);
        if (step < 1) {
          throw new IllegalArgumentException("step");
        }
      }
      int from;
      int to;
      if (range.equals("*") || range.equals("?")) {
        from = min;
        to = max;
      } else {
        int dash = range.indexOf('-');
        from = value(dash < 0 ? range : range.substring(0, dash), names, nameBase);
        to =
            dash < 0
                ? (slash >= 0 ? max : from)
                : value(range.substring(dash + 1), names, nameBase);
      }
      if (from < min || to > max || from > to) {
        throw new IllegalArgumentException("range");
      }
      for (int v = from; v <= to; v += step) {
        bits.set(v);
      }
    }
    return bits;
  }

  private static int value(String text, List<String> names, int nameBase) {
    int index = names.indexOf(text.toUpperCase(Locale.ROOT));
    return index >= 0 ? index + nameBase : Integer.parseInt(text);
  }

  static ZoneId zoneOrUtc(@Nullable String timeZone) {
    if (timeZone == null || timeZone.isBlank()) {
      return ZoneOffset.UTC;
    }
    try {
      return ZoneId.of(timeZone);
    } catch (DateTimeException e) {
      return ZoneOffset.UTC;
    }
  }
}
