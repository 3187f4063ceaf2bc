package io.kubeward.alert.domain.routing;

import io.kubeward.alert.domain.routing.PolicyDocument.IntervalSpec;
import io.kubeward.alert.domain.routing.PolicyDocument.TimeIntervalSpec;
import io.kubeward.alert.domain.routing.PolicyDocument.TimeRangeSpec;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A named time interval (mute timing) compiled: an instant is in it when it lies in one of its
 * intervals. Each interval's fields are checked on the instant's local date and time in the
 * interval's time zone; a time range whose end is at or before its start crosses midnight ({@code
 * 22:00}–{@code 06:00} holds from 22:00 and until 06:00 of a day that the other fields allow).
 */
public record TimeInterval(String name, List<Interval> intervals) {

  public static final int MAX_INTERVALS = 20;
  public static final int MAX_ITEMS = 20;

  /** Whether {@code now} lies in one of the intervals. */
  public boolean contains(Instant now) {
    return intervals.stream().anyMatch(i -> i.contains(now));
  }

  /** A range of whole numbers, both ends inclusive. */
  record Range(int from, int to) {
    boolean contains(int v) {
      return v >= from && v <= to;
    }
  }

  /** One compiled interval; minutes of the day, weekdays 1..7, days of month ±1..31, months. */
  public record Interval(
      List<Range> minutes,
      List<Range> weekdays,
      List<Range> daysOfMonth,
      List<Range> months,
      List<Range> years,
      ZoneId zone) {

    public boolean contains(Instant now) {
      ZonedDateTime t = now.atZone(zone);
      if (!minutes.isEmpty()) {
        int m = t.getHour() * 60 + t.getMinute();
        if (minutes.stream().noneMatch(r -> r.contains(m))) {
          return false;
        }
      }
      if (!weekdays.isEmpty()
          && weekdays.stream().noneMatch(r -> r.contains(t.getDayOfWeek().getValue()))) {
        return false;
      }
      if (!daysOfMonth.isEmpty()) {
        int day = t.getDayOfMonth();
        int length = t.toLocalDate().lengthOfMonth();
        boolean any = false;
        for (Range r : daysOfMonth) {
          int from = r.from() < 0 ? length + 1 + r.from() : r.from();
          int to = r.to() < 0 ? length + 1 + r.to() : r.to();
          if (day >= from && day <= to) {
            any = true;
            break;
          }
        }
        if (!any) {
          return false;
        }
      }
      if (!months.isEmpty() && months.stream().noneMatch(r -> r.contains(t.getMonthValue()))) {
        return false;
      }
      return years.isEmpty() || years.stream().anyMatch(r -> r.contains(t.getYear()));
    }
  }

  /**
   * Compiles a named interval, adding each problem to {@code problems} (prefixed by {@code where}).
   */
  static TimeInterval compile(TimeIntervalSpec spec, String where, List<String> problems) {
    List<Interval> out = new ArrayList<>();
    if (spec.intervals().size() > MAX_INTERVALS) {
      problems.add(where + ": at most " + MAX_INTERVALS + " intervals");
      return new TimeInterval(spec.name(), List.of());
    }
    for (int i = 0; i < spec.intervals().size(); i++) {
      IntervalSpec s = spec.intervals().get(i);
      String at = where + ".intervals[" + i + "]";
      int before = problems.size();
      if (s.times().size() > MAX_ITEMS
          || s.weekdays().size() > MAX_ITEMS
          || s.daysOfMonth().size() > MAX_ITEMS
          || s.months().size() > MAX_ITEMS
          || s.years().size() > MAX_ITEMS) {
        problems.add(at + ": at most " + MAX_ITEMS + " entries in each field");
        continue;
      }
      List<Range> minutes = new ArrayList<>();
      for (TimeRangeSpec r : s.times()) {
        try {
          int from = minuteOfDay(r == null ? null : r.start(), false);
          int to = minuteOfDay(r.end(), true);
          if (to > from) {
            minutes.add(new Range(from, to - 1));
          } else {
            minutes.add(new Range(from, 24 * 60 - 1));
            if (to > 0) {
              minutes.add(new Range(0, to - 1));
            }
          }
        } catch (IllegalArgumentException e) {
          problems.add(at + ".times: " + e.getMessage());
        }
      }
      List<Range> weekdays = ranges(s.weekdays(), at + ".weekdays", problems, TimeInterval::day);
      List<Range> days =
          ranges(s.daysOfMonth(), at + ".daysOfMonth", problems, TimeInterval::dayOfMonth);
      for (Range r : days) {
        if (r.from() < 0 && r.to() > 0) {
          problems.add(at + ".daysOfMonth: a range cannot mix positive and negative days");
        }
      }
      List<Range> months = ranges(s.months(), at + ".months", problems, TimeInterval::month);
      List<Range> years = ranges(s.years(), at + ".years", problems, TimeInterval::year);
      ZoneId zone = ZoneId.of("UTC");
      if (s.location() != null && !s.location().isBlank()) {
        try {
          zone = ZoneId.of(s.location().strip());
        } catch (DateTimeException e) {
          problems.add(at + ".location: \"" + s.location() + "\" is not a time zone");
        }
      }
      if (problems.size() == before) {
        out.add(new Interval(minutes, weekdays, days, months, years, zone));
      }
    }
    return new TimeInterval(spec.name(), List.copyOf(out));
  }

  private interface Parser {
    int parse(String s);
  }

  private static List<Range> ranges(
      List<String> items, String where, List<String> problems, Parser parser) {
    List<Range> out = new ArrayList<>();
    for (String item : items) {
      try {
        if (item == null || item.isBlank()) {
          throw new IllegalArgumentException("empty entry");
        }
        String t = item.strip().toLowerCase(Locale.ROOT);
        int colon = t.indexOf(':', t.startsWith("-") ? 1 : 0);
        int from = parser.parse(colon < 0 ? t : t.substring(0, colon));
        int to = colon < 0 ? from : parser.parse(t.substring(colon + 1));
        if (from > to && !(from > 0 && to < 0)) {
          throw new IllegalArgumentException("\"" + item + "\": the start is after the end");
        }
        out.add(new Range(from, to));
      } catch (IllegalArgumentException e) {
        problems.add(where + ": " + e.getMessage());
      }
    }
    return out;
  }

  private static int minuteOfDay(String hhmm, boolean end) {
    if (hhmm == null || !hhmm.strip().matches("\\d{1,2}:\\d{2}")) {
      throw new IllegalArgumentException("\"" + hhmm + "\" is not a time HH:mm");
    }
    String[] p = hhmm.strip().split(":");
    int h = Integer.parseInt(p[0]);
    int m = Integer.parseInt(p[1]);
    if (m > 59 || h > 24 || (h == 24 && (m != 0 || !end))) {
      throw new IllegalArgumentException("\"" + hhmm + "\" is not a time HH:mm");
    }
    return h * 60 + m;
  }

  private static int day(String name) {
    for (DayOfWeek d : DayOfWeek.values()) {
      if (d.name().toLowerCase(Locale.ROOT).equals(name.strip())) {
        return d.getValue();
      }
    }
    throw new IllegalArgumentException("\"" + name + "\" is not a weekday (monday ... sunday)");
  }

  private static int dayOfMonth(String text) {
    int d = number(text, "day of month");
    if (d == 0 || d < -31 || d > 31) {
      throw new IllegalArgumentException("\"" + text + "\" is not a day of month (1..31, -1..-31)");
    }
    return d;
  }

  private static int month(String text) {
    String t = text.strip();
    for (Month m : Month.values()) {
      if (m.name().toLowerCase(Locale.ROOT).equals(t)) {
        return m.getValue();
      }
    }
    int n = number(t, "month");
    if (n < 1 || n > 12) {
      throw new IllegalArgumentException("\"" + text + "\" is not a month (january, 1..12)");
    }
    return n;
  }

  private static int year(String text) {
    int y = number(text, "year");
    if (y < 1970 || y > 9999) {
      throw new IllegalArgumentException("\"" + text + "\" is not a year");
    }
    return y;
  }

  private static int number(String text, String what) {
    String t = text.strip();
    if (!t.matches("-?\\d{1,4}")) {
      throw new IllegalArgumentException("\"" + text + "\" is not a " + what);
    }
    return Integer.parseInt(t);
  }
}
