package io.kubeward.history.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RollupsTest {

  static final Duration FIVE_MINUTES = Duration.ofMinutes(5);
  static final long T0 = 1_764_756_000_000L; // a multiple of 5 minutes

  @Test
  void bucketsAreAlignedToTheirLength() {
    assertThat(Rollups.bucketOf(T0, FIVE_MINUTES)).isEqualTo(T0);
    assertThat(Rollups.bucketOf(T0 + 299_999, FIVE_MINUTES)).isEqualTo(T0);
    assertThat(Rollups.bucketOf(T0 + 300_000, FIVE_MINUTES)).isEqualTo(T0 + 300_000);
    assertThat(Rollups.bucketOf(-1, FIVE_MINUTES)).isEqualTo(-300_000);
  }

  @Test
  void averageAndMaximumPerSeriesAndBucket() {
    List<RawSample> raw =
        List.of(
            new RawSample(1, T0, new UsageValues(100.0, 1000.0, 3.0)),
            new RawSample(1, T0 + 30_000, new UsageValues(300.0, 3000.0, 3.0)),
            new RawSample(1, T0 + 60_000, new UsageValues(200.0, null, 4.0)),
            new RawSample(1, T0 + 300_000, new UsageValues(50.0, 500.0, 1.0)),
            new RawSample(2, T0 + 10_000, new UsageValues(7.0, 8.0, 1.0)));

    List<RollupSample> rollups = Rollups.rollup(raw, FIVE_MINUTES);

    assertThat(rollups)
        .containsExactly(
            new RollupSample(
                1,
                T0,
                3,
                new UsageValues(200.0, 2000.0, 10.0 / 3),
                new UsageValues(300.0, 3000.0, 4.0)),
            new RollupSample(
                1,
                T0 + 300_000,
                1,
                new UsageValues(50.0, 500.0, 1.0),
                new UsageValues(50.0, 500.0, 1.0)),
            new RollupSample(
                2, T0, 1, new UsageValues(7.0, 8.0, 1.0), new UsageValues(7.0, 8.0, 1.0)));
  }

  @Test
  void aMetricWithoutSamplesInABucketIsNull() {
    List<RollupSample> rollups =
        Rollups.rollup(
            List.of(new RawSample(1, T0, new UsageValues(null, 5.0, null))), FIVE_MINUTES);
    assertThat(rollups.getFirst().avg()).isEqualTo(new UsageValues(null, 5.0, null));
    assertThat(rollups.getFirst().max()).isEqualTo(new UsageValues(null, 5.0, null));
  }

  @Test
  void pointsAreAveragedIntoSteps() {
    List<Point> points =
        List.of(
            new Point(T0 + 30_000, 4),
            new Point(T0, 2),
            new Point(T0 + 60_000, 10),
            new Point(T0 + 90_000, Double.NaN),
            new Point(T0 - 1, 1000),
            new Point(T0 + 120_001, 1000));
    assertThat(Rollups.toSteps(points, T0, T0 + 120_000, Duration.ofMinutes(1)))
        .containsExactly(new Point(T0, 3), new Point(T0 + 60_000, 10));
  }
}
