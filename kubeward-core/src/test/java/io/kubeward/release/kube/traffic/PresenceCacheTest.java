package io.kubeward.release.kube.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeward.diagnostics.domain.Bilingual;
import io.kubeward.release.domain.RouterPresence;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PresenceCacheTest {

  private Instant now = Instant.parse("2026-12-03T10:00:00Z");
  private final Clock clock =
      new Clock() {
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
      };

  @Test
  void asksTheClusterOncePerTtlAndKeepsTheReasonInBothLanguages() {
    AtomicInteger probes = new AtomicInteger();
    Bilingual reason = Bilingual.of("no CRD", "没有 CRD");
    var cache =
        new PresenceCache(
            clock,
            Duration.ofSeconds(30),
            cluster -> {
              probes.incrementAndGet();
              return PresenceCache.Verdict.absent("gatewayApi", reason);
            });

    RouterPresence first = cache.get("a").presence();
    now = now.plusSeconds(29);
    cache.get("a");
    assertThat(probes).hasValue(1);
    now = now.plusSeconds(1);
    cache.get("a");
    cache.get("b");
    assertThat(probes).hasValue(3);

    assertThat(first).isEqualTo(new RouterPresence("gatewayApi", false, "no CRD"));
    assertThat(cache.reasonOf(first)).isEqualTo(reason);
    assertThat(cache.reasonOf(new RouterPresence("gatewayApi", false, "other")))
        .isEqualTo(Bilingual.of("other", "other"));
  }
}
