package io.kubeward.logs.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The one validation of a log request (REST, CLI through REST, console): every number bounded by
 * {@link LogLimits}, the window never further back than {@code maxSince}.
 */
public final class LogRequests {

  private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");

  private LogRequests() {}

  /**
   * @throws LogRequestException ({@code logs.invalid-option}) for a value out of its bounds
   */
  public static LogOptions validate(LogRequest request, LogLimits limits, Instant now) {
    String container = blankToNull(request.container());
    if (container != null && !container.matches("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?")) {
      throw LogRequestException.invalidOption("container", container, "a container name");
    }
    Long sinceSeconds = null;
    Instant sinceTime = null;
    String since = blankToNull(request.since());
    String sinceAt = blankToNull(request.sinceTime());
    if (since != null && sinceAt != null) {
      throw LogRequestException.invalidOption("since", since, "either since or sinceTime");
    }
    if (since != null) {
      Duration d = parseDuration(since);
      if (d == null || d.isNegative() || d.isZero() || d.compareTo(limits.maxSince()) > 0) {
        throw LogRequestException.invalidOption(
            "since", since, "1s to " + format(limits.maxSince()));
      }
      sinceSeconds = Math.max(1, d.toSeconds());
    }
    if (sinceAt != null) {
      try {
        sinceTime = Instant.parse(sinceAt);
      } catch (DateTimeParseException e) {
        throw LogRequestException.invalidOption("sinceTime", sinceAt, "an RFC 3339 time");
      }
      if (sinceTime.isBefore(now.minus(limits.maxSince()))) {
        throw LogRequestException.invalidOption(
            "sinceTime", sinceAt, "within the last " + format(limits.maxSince()));
      }
    }
    Integer tail = boundedInt("tailLines", request.tailLines(), 0, limits.maxTailLines(), null);
    if (tail == null && since == null && sinceAt == null) {
      tail = limits.defaultTailLines();
    }
    Long limitBytes =
        boundedLong("limitBytes", request.limitBytes(), 1, limits.maxBytes(), limits.maxBytes());
    return new LogOptions(
        container,
        request.follow(),
        request.previous(),
        request.timestamps(),
        sinceSeconds,
        sinceTime,
        tail,
        limitBytes);
  }

  /** {@code 90s}, {@code 10m}, {@code 1h30m}, {@code 2d}; {@code null} if it is not one. */
  public static @Nullable Duration parseDuration(String text) {
    if (text == null || text.isEmpty() || text.length() > 40) {
      return null;
    }
    Matcher m = DURATION.matcher(text);
    Duration total = Duration.ZERO;
    int at = 0;
    while (at < text.length()) {
      if (!m.find(at) || m.start() != at) {
        return null;
      }
      long n = Long.parseLong(m.group(1));
      total =
          total.plus(
              switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
              });
      at = m.end();
    }
    return total;
  }

  private static @Nullable Integer boundedInt(
      String name, @Nullable String text, int min, int max, @Nullable Integer fallback) {
    Long value = boundedLong(name, text, min, max, fallback == null ? null : (long) fallback);
    return value == null ? null : value.intValue();
  }

  private static @Nullable Long boundedLong(
      String name, @Nullable String text, long min, long max, @Nullable Long fallback) {
    String t = blankToNull(text);
    if (t == null) {
      return fallback;
    }
    long value;
    try {
      value = Long.parseLong(t);
    } catch (NumberFormatException e) {
      throw LogRequestException.invalidOption(name, t, min + " to " + max);
    }
    if (value < min || value > max) {
      throw LogRequestException.invalidOption(name, t, min + " to " + max);
    }
    return value;
  }

  private static String format(Duration d) {
    return d.toDays() * 24 == d.toHours() && d.toDays() > 0
        ? d.toDays() + "d"
        : d.toHours() > 0 ? d.toHours() + "h" : d.toMinutes() + "m";
  }

  private static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
