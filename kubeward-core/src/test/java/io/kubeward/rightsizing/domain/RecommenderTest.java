package io.kubeward.rightsizing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecommenderTest {

  static final long MI = 1024L * 1024;
  static final Instant END = Instant.parse("2026-12-04T12:00:00Z");
  static final Instant START = END.minus(Duration.ofDays(7));

  final Recommender recommender = new Recommender(RightsizingPolicy.defaults());

  static ContainerFacts facts(long cpu, long memory, int replicas) {
    return new ContainerFacts("shop", "Deployment", "web", "app", replicas, cpu, memory, 0, 0);
  }

  /** {@code n} samples spread evenly over the last {@code span}, CPU i m and memory i Mi. */
  static List<UsageSample> ramp(int n, Duration span) {
    List<UsageSample> out = new ArrayList<>();
    long from = END.minus(span).toEpochMilli();
    long step = span.toMillis() / Math.max(1, n - 1);
    for (int i = 1; i <= n; i++) {
      out.add(new UsageSample(from + (i - 1) * step, (double) i, (double) i * MI));
    }
    return out;
  }

  @Test
  void p90OfOneToHundredMillicoresIsNinetyPlusMarginRounded() {
    Recommendation r =
        recommender.recommend(facts(500, 512 * MI, 3), ramp(100, Duration.ofDays(7)), START, END);

    assertThat(r.cpuUsage()).isEqualTo(90.0);
    // 90 × 1.15 = 103.5 → rounded up to 10 m steps above 100 m
    assertThat(r.cpuRecommended()).isEqualTo(110);
    // memory: the peak (100 Mi) × 1.15 = 115 Mi → 4 Mi steps → 116 Mi
    assertThat(r.memoryUsage()).isEqualTo(100.0 * MI);
    assertThat(r.memoryRecommended()).isEqualTo(116 * MI);
    assertThat(Quantities.cpu(r.cpuRecommended())).isEqualTo("110m");
    assertThat(Quantities.memory(r.memoryRecommended())).isEqualTo("116Mi");
  }

  @Test
  void wasteIsRequestedMinusRecommendedTimesReplicas() {
    Recommendation r =
        recommender.recommend(facts(500, 512 * MI, 3), ramp(100, Duration.ofDays(7)), START, END);

    assertThat(r.verdict()).isEqualTo(Verdict.OVER_PROVISIONED);
    assertThat(r.wastedCpu()).isEqualTo((500 - 110) * 3);
    assertThat(r.wastedMemory()).isEqualTo((512 - 116) * MI * 3);
    assertThat(r.score())
        .isEqualTo(1.17 + (396.0 * 3 / 1024) / 4, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void usageAboveRequestsIsOverCommittedWithNegativeWaste() {
    Recommendation r =
        recommender.recommend(facts(50, 64 * MI, 2), ramp(100, Duration.ofDays(7)), START, END);

    assertThat(r.verdict()).isEqualTo(Verdict.OVER_COMMITTED);
    assertThat(r.wastedCpu()).isEqualTo((50 - 110) * 2);
    assertThat(r.wastedMemory()).isNegative();
  }

  @Test
  void noRequestsAtAllIsFlagged() {
    Recommendation r =
        recommender.recommend(facts(0, 0, 1), ramp(100, Duration.ofDays(7)), START, END);

    assertThat(r.verdict()).isEqualTo(Verdict.NO_REQUESTS);
    assertThat(r.wastedCpu()).isZero();
    assertThat(r.cpuRecommended()).isEqualTo(110);
  }

  @Test
  void tinyUsageGetsTheFloorsAndAnIdleVerdict() {
    List<UsageSample> idle = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      idle.add(new UsageSample(START.toEpochMilli() + i * 6_000_000L, 1.0, 2.0 * MI));
    }
    Recommendation r = recommender.recommend(facts(1000, 1024 * MI, 1), idle, START, END);

    assertThat(r.cpuRecommended()).isEqualTo(10);
    assertThat(r.memoryRecommended()).isEqualTo(32 * MI);
    assertThat(r.verdict()).isEqualTo(Verdict.IDLE);
  }

  @Test
  void requestsCloseToTheRecommendationAreRightSized() {
    Recommendation r =
        recommender.recommend(facts(115, 120 * MI, 1), ramp(100, Duration.ofDays(7)), START, END);

    assertThat(r.verdict()).isEqualTo(Verdict.RIGHT_SIZED);
  }

  @Test
  void noSamplesMeansNoDataAndLowConfidence() {
    Recommendation r = recommender.recommend(facts(100, 64 * MI, 1), List.of(), START, END);

    assertThat(r.verdict()).isEqualTo(Verdict.NO_DATA);
    assertThat(r.confidence()).isEqualTo(Confidence.LOW);
    assertThat(r.samples()).isZero();
    assertThat(r.cpuRecommended()).isZero();
  }

  @Test
  void confidenceGrowsWithCoverageAndSamples() {
    // 100 samples over 7 days: coverage 1, but fewer than 1000 samples → medium
    assertThat(
            recommender
                .recommend(facts(1, 1, 1), ramp(100, Duration.ofDays(7)), START, END)
                .confidence())
        .isEqualTo(Confidence.MEDIUM);
    // 2000 samples over the whole window → high
    Recommendation high =
        recommender.recommend(facts(1, 1, 1), ramp(2000, Duration.ofDays(7)), START, END);
    assertThat(high.confidence()).isEqualTo(Confidence.HIGH);
    assertThat(high.coverage()).isEqualTo(1.0, org.assertj.core.data.Offset.offset(0.001));
    // 2000 samples in the last hour of a 7-day window → low (coverage 0.006)
    assertThat(
            recommender
                .recommend(facts(1, 1, 1), ramp(2000, Duration.ofHours(1)), START, END)
                .confidence())
        .isEqualTo(Confidence.LOW);
  }

  @Test
  void aMemoryPercentileBelowHundredIgnoresTheTopSpike() {
    RightsizingPolicy p99 =
        new RightsizingPolicy(
            Duration.ofDays(7), 90, 99, 0.15, 0.0, 10, 32 * MI, 60, 1000, 0.25, 0.8, 0.1, 5);
    Recommendation r =
        new Recommender(p99)
            .recommend(facts(500, 512 * MI, 1), ramp(100, Duration.ofDays(7)), START, END);

    assertThat(r.memoryUsage()).isEqualTo(99.0 * MI);
    assertThat(r.memoryRecommended()).isEqualTo(100 * MI);
  }

  @Test
  void percentilesByNearestRank() {
    double[] values = new double[100];
    for (int i = 0; i < 100; i++) {
      values[99 - i] = i + 1;
    }
    assertThat(Percentiles.nearestRank(values, 90)).isEqualTo(90);
    assertThat(Percentiles.nearestRank(values, 50)).isEqualTo(50);
    assertThat(Percentiles.nearestRank(values, 100)).isEqualTo(100);
    assertThat(Percentiles.nearestRank(new double[] {7}, 90)).isEqualTo(7);
    assertThat(Percentiles.nearestRank(new double[0], 90)).isNaN();
  }

  @Test
  void quantitiesRoundUpToWhatPeopleWrite() {
    assertThat(Quantities.roundCpu(11.5)).isEqualTo(15);
    assertThat(Quantities.roundCpu(101)).isEqualTo(110);
    assertThat(Quantities.roundCpu(1001)).isEqualTo(1050);
    assertThat(Quantities.cpu(2000)).isEqualTo("2");
    assertThat(Quantities.cpu(1050)).isEqualTo("1050m");
    assertThat(Quantities.roundMemory(33.0 * MI)).isEqualTo(36 * MI);
    assertThat(Quantities.roundMemory(1025.0 * MI)).isEqualTo(1088 * MI);
    assertThat(Quantities.memory(2048 * MI)).isEqualTo("2Gi");
  }

  @Test
  void thePolicyRefusesValuesOutOfBounds() {
    assertThatThrownBy(
            () ->
                new RightsizingPolicy(
                    Duration.ofDays(7),
                    30,
                    100,
                    0.15,
                    0.15,
                    10,
                    32 * MI,
                    60,
                    1000,
                    0.25,
                    0.8,
                    0.1,
                    5))
        .hasMessageContaining("cpu-percentile");
    assertThatThrownBy(
            () ->
                new RightsizingPolicy(
                    Duration.ofMinutes(5),
                    90,
                    100,
                    0.15,
                    0.15,
                    10,
                    32 * MI,
                    60,
                    1000,
                    0.25,
                    0.8,
                    0.1,
                    5))
        .hasMessageContaining("window");
    assertThatThrownBy(
            () ->
                new RightsizingPolicy(
                    Duration.ofDays(7),
                    90,
                    100,
                    0.15,
                    0.15,
                    10,
                    32 * MI,
                    60,
                    10,
                    0.25,
                    0.8,
                    0.1,
                    5))
        .hasMessageContaining("high-samples");
  }
}
