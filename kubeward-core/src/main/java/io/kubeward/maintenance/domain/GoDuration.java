package io.kubeward.maintenance.domain;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as Kubernetes objects write them ({@code 90s}, {@code 30m}, {@code 1h30m}, {@code
 * 500ms}); an ISO-8601 form ({@code PT30M}) is accepted too. Parsing never overflows: a value
 * beyond what a {@link Duration} of a few hundred years holds is a {@link TooLongException}, so a
 * caller can refuse it by naming its maximum ({@link #parseBounded}).
 */
public final class GoDuration {

  /** Nothing a user writes needs more; far below {@code Duration}'s own limit, so sums are safe. */
  static final Duration CEILING = Duration.ofDays(365L * 1000);

  private static final Pattern WHOLE = Pattern.compile("(\\d+(ms|s|m|h))+");
  private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h)");

  private GoDuration() {}

  /** A duration longer than {@link #CEILING}: well-formed, but beyond any sensible maximum. */
  public static final class TooLongException extends IllegalArgumentException {
    TooLongException(String text) {
      super("\"" + abbreviate(text) + "\" is too long a duration");
    }
  }

  /**
   * @throws TooLongException if {@code text} is a duration longer than {@link #CEILING}
   * @throws IllegalArgumentException if {@code text} is not a duration
   */
  public static Duration parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("empty duration");
    }
    String t = text.trim();
    Duration total;
    if (t.startsWith("P") || t.startsWith("p")) {
      try {
        total = Duration.parse(t);
      } catch (DateTimeParseException e) {
        if (e.getCause() instanceof ArithmeticException) {
          throw new TooLongException(text);
        }
        throw new IllegalArgumentException("\"" + abbreviate(text) + "\" is not a duration", e);
      }
      if (total.compareTo(CEILING) > 0 || total.compareTo(CEILING.negated()) < 0) {
        throw new TooLongException(text);
      }
      return total;
    }
    if (!WHOLE.matcher(t).matches()) {
      throw new IllegalArgumentException(
          "\"" + abbreviate(text) + "\" is not a duration such as 90s, 30m or 1h30m");
    }
    total = Duration.ZERO;
    Matcher m = PART.matcher(t);
    while (m.find()) {
      String digits = m.group(1).replaceFirst("^0+(?=\\d)", "");
      if (digits.length() > 15) { // 10^15 ms is 31,000 years: beyond the ceiling in any unit
        throw new TooLongException(text);
      }
      long n = Long.parseLong(digits);
      Duration part =
          switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
          };
      total = total.plus(part); // each part ≤ 10^15 h, so a sum of a few never overflows
      if (total.compareTo(CEILING) > 0) {
        throw new TooLongException(text);
      }
    }
    return total;
  }

  /**
   * Parses {@code text} and checks it lies in {@code [minimum, maximum]}.
   *
   * @throws OutOfRangeException naming {@code field}, the minimum and the maximum
   * @throws IllegalArgumentException if {@code text} is not a duration
   */
  public static Duration parseBounded(
      String field, String text, Duration minimum, Duration maximum) {
    Duration value;
    try {
      value = parse(text);
    } catch (TooLongException e) {
      throw new OutOfRangeException(field, format(minimum), format(maximum), text);
    }
    if (value.compareTo(minimum) < 0 || value.compareTo(maximum) > 0) {
      throw new OutOfRangeException(field, format(minimum), format(maximum), text);
    }
    return value;
  }

  /** {@code parse(text)}, or {@code fallback} when {@code text} is null or blank. */
  public static Duration parseOr(String text, Duration fallback) {
    return text == null || text.isBlank() ? fallback : parse(text);
  }

  /** The short form, e.g. {@code 1h30m} or {@code 45s}. */
  public static String format(Duration d) {
    if (d.toMillisPart() != 0 && d.toSeconds() == 0) {
      return d.toMillis() + "ms";
    }
    StringBuilder out = new StringBuilder();
    if (d.toHours() > 0) {
      out.append(d.toHours()).append('h');
    }
    if (d.toMinutesPart() > 0) {
      out.append(d.toMinutesPart()).append('m');
    }
    if (d.toSecondsPart() > 0 || out.isEmpty()) {
      out.append(d.toSecondsPart()).append('s');
    }
    return out.toString();
  }

  static String abbreviate(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "…";
  }
}
