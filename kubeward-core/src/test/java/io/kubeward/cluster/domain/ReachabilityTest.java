package io.kubeward.cluster.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeward.cluster.domain.Reachability.State;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReachabilityTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Duration MS_12 = Duration.ofMillis(12);

  @Test
  void startsUnknownAndNotReachable() {
    Reachability r = Reachability.unknown(T0);

    assertThat(r.state()).isEqualTo(State.UNKNOWN);
    assertThat(r.reachable()).isFalse();
    assertThat(r.since()).isEqualTo(T0);
  }

  @Test
  void sinceMovesOnlyWhenTheStateChanges() {
    Reachability up = Reachability.unknown(T0).afterSuccess(T0.plusSeconds(1), MS_12, "v1", null);
    Reachability stillUp = up.afterSuccess(T0.plusSeconds(11), Duration.ofMillis(30), "v1", null);
    Reachability down = stillUp.afterFailure(T0.plusSeconds(21), "Connection refused");
    Reachability stillDown = down.afterFailure(T0.plusSeconds(31), "Connection reset");
    Reachability back = stillDown.afterSuccess(T0.plusSeconds(41), MS_12, "v1", null);

    assertThat(up.since()).isEqualTo(T0.plusSeconds(1));
    assertThat(stillUp.since()).isEqualTo(T0.plusSeconds(1));
    assertThat(stillUp.latency()).isEqualTo(Duration.ofMillis(30));
    assertThat(down.since()).isEqualTo(T0.plusSeconds(21));
    assertThat(stillDown.since()).isEqualTo(T0.plusSeconds(21));
    assertThat(stillDown.lastError()).isEqualTo("Connection reset");
    assertThat(stillDown.lastProbe()).isEqualTo(T0.plusSeconds(31));
    assertThat(back.since()).isEqualTo(T0.plusSeconds(41));
    assertThat(back.reachable()).isTrue();
  }

  @Test
  void unreachableKeepsTheLastKnownVersionAndLatency() {
    Reachability down =
        Reachability.unknown(T0)
            .afterSuccess(T0, MS_12, "v1.34.1", null)
            .afterFailure(T0.plusSeconds(10), "timeout");

    assertThat(down.kubernetesVersion()).isEqualTo("v1.34.1");
    assertThat(down.latency()).isEqualTo(MS_12);
    assertThat(down.apiReady()).isFalse();
  }

  @Test
  void lastErrorIsKeptAfterRecoveryWithItsTime() {
    Reachability back =
        Reachability.unknown(T0)
            .afterFailure(T0, "Connection refused")
            .afterSuccess(T0.plusSeconds(10), MS_12, "v1", null);

    assertThat(back.lastError()).isEqualTo("Connection refused");
    assertThat(back.lastErrorAt()).isEqualTo(T0);
  }

  @Test
  void reachableButNotReadyRecordsWhy() {
    Reachability r =
        Reachability.unknown(T0).afterSuccess(T0, MS_12, "v1", "GET /readyz answered 500");

    assertThat(r.reachable()).isTrue();
    assertThat(r.apiReady()).isFalse();
    assertThat(r.lastError()).isEqualTo("GET /readyz answered 500");
  }
}
