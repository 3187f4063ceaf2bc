package io.kubeward.capacity.domain;

import io.kubeward.history.domain.Point;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A demand forecast of one resource of a group of nodes, and when it reaches the limit (allocatable
 * − headroom).
 *
 * @param resource {@code cpu} (millicores) or {@code memory} (bytes)
 * @param method {@link #NONE} (too little data), {@link #TREND} (least-squares line) or {@link
 *     #TREND_WEEKLY} (the line plus an hour-of-week profile of what is left, with two weeks or
 *     more)
 * @param points how many history points were used
 * @param days how many days of history they span
 * @param slopePerDay the trend's change per day, in the resource's unit
 * @param limit allocatable − headroom
 * @param outlook {@link #EXHAUSTED}, {@link #WITHIN_HORIZON}, {@link #NOT_WITHIN_HORIZON} or {@link
 *     #UNKNOWN}
 * @param daysToExhaustion days until the forecast first reaches the limit; 0 when already there,
 *     {@code null} when not within the horizon or unknown
 * @param history the points used (oldest first)
 * @param projection the forecast, one point per step up to the horizon
 */
public record Forecast(
    String resource,
    String method,
    int points,
    double days,
    double slopePerDay,
    long limit,
    int horizonDays,
    String outlook,
    @Nullable Double daysToExhaustion,
    List<Point> history,
    List<Point> projection) {

  public static final String NONE = "none";
  public static final String TREND = "linear-trend";
  public static final String TREND_WEEKLY = "linear-trend-weekly-seasonality";

  public static final String EXHAUSTED = "exhausted";
  public static final String WITHIN_HORIZON = "within-horizon";
  public static final String NOT_WITHIN_HORIZON = "not-within-horizon";
  public static final String UNKNOWN = "unknown";

  public Forecast {
    history = List.copyOf(history);
    projection = List.copyOf(projection);
  }
}
