package io.kubeward.alert.domain.routing;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as Prometheus and Alertmanager write them ({@code 30s}, {@code 5m}, {@code 4h}, {@code
 * 1h30m}, {@code 7d}, {@code 2w}, {@code 500ms}), parsed within bounds so no sum overflows.
 */
public final class RoutingDurations {

  private static final Pattern WHOLE = Pattern.compile("(\\d{1,9}(ms|s|m|h|d|w))+");
  private static final Pattern PART = Pattern.compile("(\\d{1,9})(ms|s|m|h|d|w)");

  private RoutingDurations() {}

  /**
   * @throws IllegalArgumentException if {@code text} is not a duration
   */
  public static Duration parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("empty duration");
    }
    String t = text.strip();
    if (t.equals("0")) {
      return Duration.ZERO;
    }
    if (t.length() > 40 || !WHOLE.matcher(t).matches()) {
      throw new IllegalArgumentException(
          "\"" + LabelMatcher.abbreviate(text) + "\" is not a duration such as 30s, 5m, 4h or 7d");
    }
    Duration total = Duration.ZERO;
    Matcher m = PART.matcher(t);
    while (m.find()) {
      long n = Long.parseLong(m.group(1));
      total =
          total.plus(
              switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                case "d" -> Duration.ofDays(n);
                default -> Duration.ofDays(7 * n);
              });
    }
    return total;
  }

  /**
   * Parses {@code text} and checks {@code min <= value <= max}.
   *
   * @throws IllegalArgumentException naming {@code field} and the bounds
   */
  public static Duration parseBounded(String field, String text, Duration min, Duration max) {
    Duration d;
    try {
      d = parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(field + ": " + e.getMessage());
    }
    if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
      throw new IllegalArgumentException(
          field + " must be between " + format(min) + " and " + format(max) + ", is " + text);
    }
    return d;
  }

  /** The shortest form: {@code 0s}, {@code 90s} → {@code 1m30s}, {@code 4h}, {@code 7d}. */
  public static String format(Duration d) {
    if (d.isZero()) {
      return "0s";
    }
    StringBuilder out = new StringBuilder();
    long ms = d.toMillis();
    long days = ms / 86_400_000L;
    ms %= 86_400_000L;
    long hours = ms / 3_600_000L;
    ms %= 3_600_000L;
    long minutes = ms / 60_000L;
    ms %= 60_000L;
    long seconds = ms / 1000;
    ms %= 1000;
    if (days > 0) {
      out.append(days).append('d');
    }
    if (hours > 0) {
      out.append(hours).append('h');
    }
    if (minutes > 0) {
      out.append(minutes).append('m');
    }
    if (seconds > 0) {
      out.append(seconds).append('s');
    }
    if (ms > 0) {
      out.append(ms).append("ms");
    }
    return out.toString();
  }
}
