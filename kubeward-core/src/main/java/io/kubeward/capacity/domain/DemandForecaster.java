package io.kubeward.capacity.domain;

import io.kubeward.history.domain.Point;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Forecasts demand from a history series: a least-squares line over time; with at least two weeks
 * of data, plus the mean residual of each hour of the week (weekly seasonality). The forecast is
 * walked forward one step at a time up to the horizon; the first step at or above the limit gives
 * the days to exhaustion. Pure, the clock injected.
 */
public final class DemandForecaster {

  /** Fewest points and shortest span a trend is fitted on. */
  static final int MIN_POINTS = 6;

  static final Duration MIN_SPAN = Duration.ofHours(1);
  static final Duration WEEKLY_SPAN = Duration.ofDays(14);
  private static final long HOUR = Duration.ofHours(1).toMillis();
  private static final long WEEK_HOURS = 7 * 24;
  private static final double DAY = Duration.ofDays(1).toMillis();

  private final Clock clock;
  private final int horizonDays;

  public DemandForecaster(Clock clock, int horizonDays) {
    if (horizonDays < 1 || horizonDays > 730) {
      throw new IllegalArgumentException("horizon must be 1 to 730 days, is " + horizonDays);
    }
    this.clock = clock;
    this.horizonDays = horizonDays;
  }

  public Forecast forecast(String resource, List<Point> series, long limit) {
    long now = clock.millis();
    List<Point> points = series.stream().filter(p -> p.t() <= now).toList();
    double days = points.isEmpty() ? 0 : (points.getLast().t() - points.getFirst().t()) / DAY;
    if (points.size() < MIN_POINTS || days * DAY < MIN_SPAN.toMillis()) {
      return new Forecast(
          resource,
          Forecast.NONE,
          points.size(),
          days,
          0,
          limit,
          horizonDays,
          Forecast.UNKNOWN,
          null,
          points,
          List.of());
    }
    double[] line = leastSquares(points);
    double slope = line[0];
    double intercept = line[1];
    boolean weekly = days * DAY >= WEEKLY_SPAN.toMillis();
    double[] profile = weekly ? weeklyProfile(points, slope, intercept) : new double[0];
    long step = Math.max(HOUR, median(points));
    List<Point> projection = new ArrayList<>();
    Double exhaustion = null;
    double current = points.getLast().v();
    if (current >= limit) {
      exhaustion = 0.0;
    }
    long end = now + horizonDays * (long) DAY;
    for (long t = now + step; t <= end; t += step) {
      double v = Math.max(0, slope * (t / DAY) + intercept + seasonal(profile, t));
      projection.add(new Point(t, v));
      if (exhaustion == null && v >= limit) {
        exhaustion = (t - now) / DAY;
      }
    }
    String outlook =
        exhaustion == null
            ? Forecast.NOT_WITHIN_HORIZON
            : exhaustion == 0.0 ? Forecast.EXHAUSTED : Forecast.WITHIN_HORIZON;
    return new Forecast(
        resource,
        weekly ? Forecast.TREND_WEEKLY : Forecast.TREND,
        points.size(),
        days,
        slope,
        limit,
        horizonDays,
        outlook,
        exhaustion,
        points,
        thin(projection));
  }

  /** {slope per day, intercept} of v over t in days (epoch days, to keep the numbers sane). */
  static double[] leastSquares(List<Point> points) {
    double n = points.size();
    double sx = 0;
    double sy = 0;
    double sxx = 0;
    double sxy = 0;
    double x0 = points.getFirst().t() / DAY;
    for (Point p : points) {
      double x = p.t() / DAY - x0;
      sx += x;
      sy += p.v();
      sxx += x * x;
      sxy += x * p.v();
    }
    double denominator = n * sxx - sx * sx;
    double slope = denominator == 0 ? 0 : (n * sxy - sx * sy) / denominator;
    double interceptAtX0 = (sy - slope * sx) / n;
    return new double[] {slope, interceptAtX0 - slope * x0};
  }

  /** The mean residual per hour of the week. */
  static double[] weeklyProfile(List<Point> points, double slope, double intercept) {
    double[] sum = new double[(int) WEEK_HOURS];
    int[] count = new int[(int) WEEK_HOURS];
    for (Point p : points) {
      int bucket = hourOfWeek(p.t());
      sum[bucket] += p.v() - (slope * (p.t() / DAY) + intercept);
      count[bucket]++;
    }
    for (int i = 0; i < sum.length; i++) {
      sum[i] = count[i] == 0 ? 0 : sum[i] / count[i];
    }
    return sum;
  }

  private static double seasonal(double[] profile, long t) {
    return profile.length == 0 ? 0 : profile[hourOfWeek(t)];
  }

  private static int hourOfWeek(long t) {
    return (int) Math.floorMod(t / HOUR, WEEK_HOURS);
  }

  private static long median(List<Point> points) {
    List<Long> gaps = new ArrayList<>();
    for (int i = 1; i < points.size(); i++) {
      gaps.add(points.get(i).t() - points.get(i - 1).t());
    }
    gaps.sort(Long::compare);
    return gaps.isEmpty() ? HOUR : gaps.get(gaps.size() / 2);
  }

  /** At most ~500 projection points for a chart. */
  private static List<Point> thin(List<Point> projection) {
    int every = Math.max(1, projection.size() / 500);
    if (every == 1) {
      return projection;
    }
    List<Point> out = new ArrayList<>();
    for (int i = 0; i < projection.size(); i += every) {
      out.add(projection.get(i));
    }
    return out;
  }
}
