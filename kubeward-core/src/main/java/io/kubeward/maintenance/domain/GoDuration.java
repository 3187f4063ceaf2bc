package io.kubeward.maintenance.domain;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as Kubernetes objects write them ({@code 90s}, {@code 30m}, {@code 1h30m}, {@code
 * 500ms}); an ISO-8601 form ({@code PT30M}) is accepted too.
 */
public final class GoDuration {

  private static final Pattern WHOLE = Pattern.compile("(\\d+(ms|s|m|h))+");
  private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h)");

  private GoDuration() {}

  /**
   * @throws IllegalArgumentException if {@code text} is not a duration
   */
  public static Duration parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("empty duration");
    }
    String t = text.trim();
    if (t.startsWith("P") || t.startsWith("p")) {
      try {
        return Duration.parse(t);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("\"" + text + "\" is not a duration", e);
      }
    }
    if (!WHOLE.matcher(t).matches()) {
      throw new IllegalArgumentException(
          "\"" + text + "\" is not a duration such as 90s, 30m or 1h30m");
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
                default -> Duration.ofHours(n);
              });
    }
    return total;
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
}
