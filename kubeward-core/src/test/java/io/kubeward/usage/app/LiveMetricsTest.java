package io.kubeward.usage.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeward.usage.domain.MetricsSnapshot;
import io.kubeward.usage.domain.MetricsSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LiveMetricsTest {

  /** A clock the test moves. */
  static final class MutableClock extends Clock {
    Instant now = Instant.parse("2026-12-03T10:00:00Z");

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final MutableClock clock = new MutableClock();
  private final AtomicInteger reads = new AtomicInteger();
  private volatile boolean installed = true;

  private final MetricsReader reader =
      cluster -> {
        reads.incrementAndGet();
        return installed
            ? new MetricsSnapshot(
                cluster, MetricsSource.metricsApi(), clock.instant(), Map.of(), Map.of(), false)
            : MetricsSnapshot.absent(
                cluster,
                MetricsSource.none(MetricsSource.Reason.NOT_INSTALLED, "404"),
                clock.instant());
      };

  private final UsageSettings settings =
      new UsageSettings(Duration.ofSeconds(15), Duration.ofSeconds(60), Duration.ofSeconds(5), 10);

  @Test
  void aReadingIsSharedUntilItIsMaxAgeOld() {
    LiveMetrics live = new LiveMetrics(reader, settings, clock, name -> true);

    MetricsSnapshot first = live.current("c");
    clock.now = clock.now.plusSeconds(14);
    assertThat(live.current("c")).isSameAs(first);
    clock.now = clock.now.plusSeconds(1);
    assertThat(live.current("c")).isNotSameAs(first);
    assertThat(reads).hasValue(2);
  }

  @Test
  void aMissingMetricsApiIsRememberedLongerSoItIsNotHammered() {
    installed = false;
    LiveMetrics live = new LiveMetrics(reader, settings, clock, name -> true);

    assertThat(live.current("c").available()).isFalse();
    clock.now = clock.now.plusSeconds(59);
    assertThat(live.current("c").available()).isFalse();
    assertThat(reads).hasValue(1);
    installed = true;
    clock.now = clock.now.plusSeconds(1);
    assertThat(live.current("c").available()).isTrue();
    assertThat(reads).hasValue(2);
  }

  @Test
  void maxAgeZeroReadsOnEveryRequest() {
    LiveMetrics live =
        new LiveMetrics(
            reader,
            new UsageSettings(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1), 10),
            clock,
            name -> true);

    live.current("c");
    live.current("c");

    assertThat(reads).hasValue(2);
  }

  @Test
  void concurrentCallersShareOneReadingInFlight() throws Exception {
    CountDownLatch reading = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    MetricsReader slow =
        cluster -> {
          reads.incrementAndGet();
          reading.countDown();
          try {
            release.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return new MetricsSnapshot(
              cluster, MetricsSource.metricsApi(), clock.instant(), Map.of(), Map.of(), false);
        };
    LiveMetrics live = new LiveMetrics(slow, settings, clock, name -> true);
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      Future<MetricsSnapshot> first = threads.submit(() -> live.current("c"));
      assertThat(reading.await(10, TimeUnit.SECONDS)).isTrue();
      Future<MetricsSnapshot> second = threads.submit(() -> live.current("c"));
      Future<MetricsSnapshot> third = threads.submit(() -> live.current("c"));
      release.countDown();
      assertThat(second.get(10, TimeUnit.SECONDS)).isSameAs(first.get(10, TimeUnit.SECONDS));
      assertThat(third.get(10, TimeUnit.SECONDS)).isSameAs(first.get());
      assertThat(reads).hasValue(1);
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void snapshotsOfClustersThatAreGoneAreDropped() {
    java.util.Set<String> known = new java.util.HashSet<>(java.util.Set.of("a", "b"));
    LiveMetrics live = new LiveMetrics(reader, settings, clock, known::contains);
    live.current("a");
    known.remove("a");
    live.current("b");
    known.add("a");

    live.current("a");

    assertThat(reads).hasValue(3);
  }

  @Test
  void settingsAreBounded() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                new UsageSettings(
                    Duration.ofMinutes(11), Duration.ofSeconds(1), Duration.ofSeconds(1), 1))
        .hasMessageContaining("max-age");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new UsageSettings(Duration.ZERO, Duration.ofSeconds(1), Duration.ZERO, 1))
        .hasMessageContaining("timeout");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new UsageSettings(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1), 0))
        .hasMessageContaining("max-pods");
  }
}
