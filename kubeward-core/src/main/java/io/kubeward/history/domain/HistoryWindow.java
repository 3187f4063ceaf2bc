package io.kubeward.history.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The time window of a history chart and its step. A named range ({@code 1h}, {@code 6h}, {@code
 * 24h}, {@code 7d}) ends now; a custom one has a start and an end. The step is chosen so that a
 * chart has at most {@value #MAX_CHART_POINTS} points, from a list of round steps, never below
 * {@code minStep}; start and end are aligned to the step (so that two requests a few seconds apart
 * ask Prometheus the same thing and built-in rollups line up).
 */
public record HistoryWindow(Instant start, Instant end, Duration step) {

  /** The most points a history chart gets per series. */
  public static final int MAX_CHART_POINTS = 720;

  /** The named ranges. */
  public static final Map<String, Duration> RANGES =
      Map.of(
          "1h", Duration.ofHours(1),
          "6h", Duration.ofHours(6),
          "24h", Duration.ofHours(24),
          "7d", Duration.ofDays(7));

  private static final List<Duration> STEPS =
      List.of(
          Duration.ofSeconds(15),
          Duration.ofSeconds(30),
          Duration.ofMinutes(1),
          Duration.ofMinutes(2),
          Duration.ofMinutes(5),
          Duration.ofMinutes(10),
          Duration.ofMinutes(15),
          Duration.ofMinutes(30),
          Duration.ofHours(1),
          Duration.ofHours(2),
          Duration.ofHours(6));

  public HistoryWindow {
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException("end must be after start");
    }
    if (step.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("step must be at least 1s");
    }
  }

  /**
   * The window of a request.
   *
   * @param range a named range, or {@code null} for a custom window
   * @param start the custom window's start ({@code null} with a named range)
   * @param end the custom window's end ({@code null}: now)
   * @param minStep the smallest step the source has (the built-in sample interval, or 15 s)
   * @param maxRange the longest window allowed
   * @throws IllegalArgumentException with a reason a user can act on
   */
  public static HistoryWindow of(
      String range, Instant start, Instant end, Instant now, Duration minStep, Duration maxRange) {
    Instant to = end == null ? now : end;
    Instant from;
    if (range != null && !range.isBlank()) {
      if (start != null) {
        throw new IllegalArgumentException("give either range or start, not both");
      }
      Duration length = RANGES.get(range.strip());
      if (length == null) {
        throw new IllegalArgumentException("range must be one of 1h, 6h, 24h, 7d");
      }
      from = to.minus(length);
    } else if (start != null) {
      from = start;
    } else {
      from = to.minus(RANGES.get("1h"));
    }
    if (!to.isAfter(from)) {
      throw new IllegalArgumentException("end must be after start");
    }
    if (to.isAfter(now.plus(Duration.ofMinutes(5)))) {
      throw new IllegalArgumentException("end must not be in the future");
    }
    Duration length = Duration.between(from, to);
    if (length.compareTo(maxRange) > 0) {
      throw new IllegalArgumentException("the window must not be longer than " + maxRange);
    }
    Duration step = stepFor(length, minStep);
    long stepMillis = step.toMillis();
    long alignedEnd = Math.floorDiv(to.toEpochMilli(), stepMillis) * stepMillis;
    long alignedStart = Math.floorDiv(from.toEpochMilli(), stepMillis) * stepMillis;
    if (alignedEnd <= alignedStart) {
      alignedEnd = alignedStart + stepMillis;
    }
    return new HistoryWindow(
        Instant.ofEpochMilli(alignedStart), Instant.ofEpochMilli(alignedEnd), step);
  }

  /** The smallest round step that keeps the chart within {@link #MAX_CHART_POINTS}. */
  static Duration stepFor(Duration length, Duration minStep) {
    for (Duration step : STEPS) {
      if (step.compareTo(minStep) >= 0 && length.toMillis() / step.toMillis() <= MAX_CHART_POINTS) {
        return step;
      }
    }
    Duration last = STEPS.getLast();
    long needed = Math.ceilDiv(length.toMillis(), MAX_CHART_POINTS);
    return Duration.ofMillis(Math.max(Math.max(last.toMillis(), needed), minStep.toMillis()));
  }

  /** How many points a series over this window has at most. */
  public long points() {
    return Duration.between(start, end).toMillis() / step.toMillis() + 1;
  }
}
