package io.kubeward.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as kubectl writes them: {@code 90s}, {@code 30m}, {@code 1h30m}, or plain seconds. Only
 * the syntax is checked here; the server bounds each duration (and says the maximum).
 */
public final class Durations {

  private static final Pattern PART = Pattern.compile("(\\d+)(h|m|s)");

  private Durations() {}

  /** The duration, or {@link IllegalArgumentException} naming the text when it is none. */
  public static Duration parse(String text) {
    String value = text.trim();
    if (value.matches("\\d+")) {
      return Duration.ofSeconds(Long.parseLong(value));
    }
    Matcher matcher = PART.matcher(value);
    Duration total = Duration.ZERO;
    int end = 0;
    try {
      while (matcher.find() && matcher.start() == end) {
        long amount = Long.parseLong(matcher.group(1));
        total =
            switch (matcher.group(2)) {
              case "h" -> total.plusHours(amount);
              case "m" -> total.plusMinutes(amount);
              default -> total.plusSeconds(amount);
            };
        end = matcher.end();
      }
    } catch (ArithmeticException tooLong) { // NumberFormatException is an IllegalArgumentException
      throw new IllegalArgumentException(text, tooLong);
    }
    if (end == 0 || end != value.length()) {
      throw new IllegalArgumentException(text);
    }
    return total;
  }

  /** A short age like kubectl's: {@code 45s}, {@code 12m}, {@code 5h}, {@code 3d}. */
  public static String age(Duration age) {
    long seconds = Math.max(0, age.toSeconds());
    if (seconds < 120) {
      return seconds + "s";
    }
    if (seconds < 2 * 3600) {
      return seconds / 60 + "m";
    }
    if (seconds < 2 * 86400) {
      return seconds / 3600 + "h";
    }
    return seconds / 86400 + "d";
  }
}
