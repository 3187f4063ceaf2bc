package io.kubeward.history.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeward.history.domain.History;
import io.kubeward.history.domain.HistoryMetric;
import io.kubeward.history.domain.HistoryTarget;
import io.kubeward.history.domain.HistoryWindow;
import io.kubeward.history.domain.Point;
import io.kubeward.history.domain.PrometheusSettings;
import io.kubeward.history.domain.PrometheusUrl;
import io.kubeward.history.domain.RollupSample;
import io.kubeward.history.domain.Series;
import io.kubeward.history.domain.SourceKind;
import io.kubeward.history.domain.UsageSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Sampling, rollups and retention with a clock the test moves: nothing waits. */
class BuiltInSamplerTest {

  static final Instant T0 = Instant.parse("2026-12-03T00:00:00Z");
  static final HistorySettings SETTINGS = settings(Duration.ofDays(30));

  static HistorySettings settings(Duration rollupRetention) {
    return new HistorySettings(
        true,
        Duration.ofSeconds(30),
        Duration.ofHours(1),
        Duration.ofMinutes(5),
        rollupRetention,
        10,
        10,
        Duration.ofMinutes(1),
        Duration.ofDays(32));
  }

  final TestClock clock = new TestClock(T0);
  final InMemoryHistoryStore store = new InMemoryHistoryStore();
  final AtomicLong cpu = new AtomicLong(100);
  final Map<String, PrometheusConfigStore.Stored> prometheus = new HashMap<>();
  final LiveUsage usage =
      cluster ->
          Optional.of(
              new UsageSnapshot(
                  clock.instant(),
                  List.of(
                      new UsageSnapshot.NodeUsage("n1", cpu.get(), 1000),
                      new UsageSnapshot.NodeUsage("n2", 50, 500)),
                  List.of(new UsageSnapshot.PodUsage("a", "p", "n1", null, null, 10, 20))));
  final PrometheusConfigStore configs =
      new PrometheusConfigStore() {
        @Override
        public Optional<Stored> find(String cluster) {
          return Optional.ofNullable(prometheus.get(cluster));
        }

        @Override
        public void save(Stored stored) {
          prometheus.put(stored.cluster(), stored);
        }

        @Override
        public boolean delete(String cluster) {
          return prometheus.remove(cluster) != null;
        }
      };
  BuiltInSampler sampler = new BuiltInSampler(store, usage, configs, SETTINGS, clock);
  final BuiltInHistory history = new BuiltInHistory(store, SETTINGS, clock);

  @Test
  void onlyTheLeaderSamplesAndOnlyWithoutPrometheus() {
    assertThat(sampler.sample("c1", c -> false)).isZero();
    assertThat(store.raw).isEmpty();

    assertThat(sampler.sample("c1", c -> true)).isEqualTo(1 + 2 + 1 + 1);
    assertThat(store.raw).hasSize(5);

    configs.save(
        new PrometheusConfigStore.Stored(
            "c1",
            new PrometheusSettings(
                PrometheusUrl.parse("http://prometheus:9090"),
                PrometheusSettings.Auth.NONE,
                null,
                null,
                null,
                false,
                null,
                false,
                Duration.ofSeconds(5)),
            "admin",
            T0));
    assertThat(sampler.sample("c1", c -> true)).isZero();
  }

  @Test
  void finishedBucketsAreRolledUpWithAverageAndMaximum() {
    // 10 minutes of samples: cpu 100, 110, ..., 290
    for (int i = 0; i < 20; i++) {
      cpu.set(100 + 10L * i);
      sampler.sample("c1", c -> true);
      clock.advance(Duration.ofSeconds(30));
    }
    BuiltInSampler.Compaction pass = sampler.compact("c1");

    assertThat(pass.bucketsRolledUp()).isEqualTo(2);
    long cluster = store.series("c1", HistoryTarget.cluster()).orElseThrow();
    List<RollupSample> rollups = store.rollups(cluster, T0, T0.plus(Duration.ofHours(1)));
    assertThat(rollups).hasSize(2);
    // first bucket: n1 cpu 100..190 (+ n2 50): average 145 + 50, maximum 190 + 50
    assertThat(rollups.get(0).samples()).isEqualTo(10);
    assertThat(rollups.get(0).avg().cpu()).isEqualTo(195.0);
    assertThat(rollups.get(0).max().cpu()).isEqualTo(240.0);
    assertThat(rollups.get(1).avg().cpu()).isEqualTo(295.0);
    assertThat(rollups.get(0).avg().memory()).isEqualTo(1500.0);
    // raw samples stay within the raw retention
    assertThat(store.raw(cluster, T0, clock.instant())).hasSize(20);
    // a second pass has nothing new to do
    assertThat(sampler.compact("c1").bucketsRolledUp()).isZero();
  }

  @Test
  void retentionDeletesRawAfterItWasRolledUpAndRollupsLater() {
    sampler = new BuiltInSampler(store, usage, configs, settings(Duration.ofHours(2)), clock);
    for (int i = 0; i < 20; i++) {
      sampler.sample("c1", c -> true);
      clock.advance(Duration.ofSeconds(30));
    }
    clock.advance(Duration.ofMinutes(90)); // raw beyond 1 h, rollups still within 2 h
    BuiltInSampler.Compaction pass = sampler.compact("c1");
    assertThat(pass.rawDeleted()).isEqualTo(20 * 5);
    assertThat(store.raw).isEmpty();
    long cluster = store.series("c1", HistoryTarget.cluster()).orElseThrow();
    assertThat(store.rollups(cluster, T0, clock.instant())).hasSize(2);

    clock.advance(Duration.ofHours(1)); // rollups beyond 2 h
    pass = sampler.compact("c1");
    assertThat(pass.rollupsDeleted()).isEqualTo(2 * 5);
    assertThat(pass.series()).isEqualTo(5);
    assertThat(store.series).isEmpty();
  }

  @Test
  void rawIsNeverDeletedBeforeItWasRolledUpAndPassesAreBounded() {
    // 6 hours of samples, then nobody compacted for 6 hours (e.g. no leader)
    for (int i = 0; i < 6 * 120; i++) {
      sampler.sample("c1", c -> true);
      clock.advance(Duration.ofSeconds(30));
    }
    int statementsBefore = store.statements;
    BuiltInSampler.Compaction first = sampler.compact("c1");
    assertThat(first.bucketsRolledUp()).isEqualTo(BuiltInSampler.MAX_BUCKETS_PER_PASS);
    assertThat(store.statements - statementsBefore)
        .isLessThanOrEqualTo(3 * BuiltInSampler.MAX_BUCKETS_PER_PASS);
    Instant rolled = store.rolledUpTo("c1").orElseThrow();
    assertThat(store.oldestRaw("c1").orElseThrow()).isAfterOrEqualTo(rolled.minusSeconds(1));
    // later passes catch up
    for (int i = 0; i < 10; i++) {
      sampler.compact("c1");
    }
    long cluster = store.series("c1", HistoryTarget.cluster()).orElseThrow();
    assertThat(store.rollups(cluster, T0, clock.instant())).hasSize(72);
  }

  @Test
  void historyServesRawRecentlyAndRollupsBeforeTheRawRetention() {
    for (int i = 0; i < 4 * 120; i++) {
      cpu.set(i < 240 ? 100 : 300);
      sampler.sample("c1", c -> true);
      clock.advance(Duration.ofSeconds(30));
      if (i % 2 == 0) {
        sampler.compact("c1");
      }
    }
    HistoryWindow lastHour =
        HistoryWindow.of(
            "1h", null, null, clock.instant(), SETTINGS.sampleInterval(), SETTINGS.maxRange());
    History recent = history.history("c1", HistoryTarget.node("n1"), lastHour);
    assertThat(recent.source()).isEqualTo(SourceKind.BUILT_IN);
    Series cpuSeries = series(recent, HistoryMetric.CPU);
    assertThat(cpuSeries.points()).hasSizeGreaterThan(100);
    assertThat(cpuSeries.points()).allSatisfy(p -> assertThat(p.v()).isEqualTo(300.0));
    assertThat(recent.missing())
        .extracting(m -> m.metric())
        .containsExactlyInAnyOrder(
            HistoryMetric.NETWORK_RECEIVE,
            HistoryMetric.NETWORK_TRANSMIT,
            HistoryMetric.FILESYSTEM);

    HistoryWindow sixHours =
        HistoryWindow.of(
            "6h", null, null, clock.instant(), SETTINGS.sampleInterval(), SETTINGS.maxRange());
    List<Point> points =
        series(history.history("c1", HistoryTarget.node("n1"), sixHours), HistoryMetric.CPU)
            .points();
    // the older hours come from the rollups (raw samples there are gone)
    assertThat(points.getFirst().t())
        .isLessThan(clock.instant().minus(Duration.ofHours(3)).toEpochMilli());
    assertThat(points.getFirst().v()).isEqualTo(100.0);
    assertThat(points.getLast().v()).isEqualTo(300.0);
  }

  @Test
  void aTargetThatWasNeverSampledIsMissingWithTheReason() {
    sampler.sample("c1", c -> true);
    HistoryWindow w =
        HistoryWindow.of(
            "1h", null, null, clock.instant(), SETTINGS.sampleInterval(), SETTINGS.maxRange());
    History h = history.history("c1", HistoryTarget.pod("a", "other"), w);
    assertThat(h.series()).isEmpty();
    assertThat(h.missing()).extracting(m -> m.reason()).contains("not-sampled");
  }

  private static Series series(History h, HistoryMetric metric) {
    return h.series().stream().filter(s -> s.metric() == metric).findFirst().orElseThrow();
  }
}
