package io.kubeward.capacity.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.kubeward.history.domain.Point;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemandForecasterTest {

  private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
  private static final long HOUR = Duration.ofHours(1).toMillis();
  private final DemandForecaster forecaster =
      new DemandForecaster(Clock.fixed(NOW, ZoneOffset.UTC), 90);

  /** Hourly points over {@code days} up to now: base + perDay × day + weekly(hour). */
  private static List<Point> series(int days, double base, double perDay, double weekendDip) {
    List<Point> out = new ArrayList<>();
    long start = NOW.toEpochMilli() - days * 24 * HOUR;
    for (long t = start; t <= NOW.toEpochMilli(); t += HOUR) {
      double day = (t - start) / (24.0 * HOUR);
      int dayOfWeek = (int) Math.floorMod(t / (24 * HOUR), 7);
      double dip = dayOfWeek >= 5 ? -weekendDip : 0;
      out.add(new Point(t, base + perDay * day + dip));
    }
    return out;
  }

  @Test
  void aGrowingTrendReachesTheLimitWhereTheLineSays() {
    // 1000m now growing 100m/day; limit 3000m → 20 days
    Forecast f = forecaster.forecast("cpu", series(7, 300, 100, 0), 3000);
    assertThat(f.method()).isEqualTo(Forecast.TREND);
    assertThat(f.points()).isEqualTo(7 * 24 + 1);
    assertThat(f.days()).isCloseTo(7.0, within(0.01));
    assertThat(f.slopePerDay()).isCloseTo(100, within(0.01));
    assertThat(f.outlook()).isEqualTo(Forecast.WITHIN_HORIZON);
    assertThat(f.daysToExhaustion()).isCloseTo(20.0, within(0.05));
  }

  @Test
  void flatOrDecliningDemandIsNotWithinTheHorizon() {
    Forecast flat = forecaster.forecast("cpu", series(7, 1000, 0, 0), 3000);
    Forecast down = forecaster.forecast("memory", series(7, 2000, -50, 0), 3000);
    assertThat(flat.outlook()).isEqualTo(Forecast.NOT_WITHIN_HORIZON);
    assertThat(flat.daysToExhaustion()).isNull();
    assertThat(down.outlook()).isEqualTo(Forecast.NOT_WITHIN_HORIZON);
  }

  @Test
  void twoWeeksOfDataAddTheWeeklyProfile() {
    List<Point> s = series(21, 1000, 0, 400);
    Forecast f = forecaster.forecast("cpu", s, 5000);
    assertThat(f.method()).isEqualTo(Forecast.TREND_WEEKLY);
    // the projection dips on weekends like the history does
    double weekday = Double.MAX_VALUE;
    double weekend = Double.MAX_VALUE;
    for (Point p : f.projection().subList(0, 7 * 24)) {
      int dow = (int) Math.floorMod(p.t() / (24 * HOUR), 7);
      if (dow >= 5) {
        weekend = Math.min(weekend, p.v());
      } else {
        weekday = Math.min(weekday, p.v());
      }
    }
    assertThat(weekday - weekend).isCloseTo(400, within(20.0));
    assertThat(forecaster.forecast("cpu", series(13, 1000, 0, 400), 5000).method())
        .isEqualTo(Forecast.TREND);
  }

  @Test
  void tooLittleDataSaysSoAndDemandAlreadyAboveTheLimitIsExhausted() {
    Forecast none = forecaster.forecast("cpu", series(7, 1, 0, 0).subList(0, 3), 10);
    assertThat(none.method()).isEqualTo(Forecast.NONE);
    assertThat(none.outlook()).isEqualTo(Forecast.UNKNOWN);
    Forecast over = forecaster.forecast("cpu", series(7, 4000, 0, 0), 3000);
    assertThat(over.outlook()).isEqualTo(Forecast.EXHAUSTED);
    assertThat(over.daysToExhaustion()).isZero();
  }
}
