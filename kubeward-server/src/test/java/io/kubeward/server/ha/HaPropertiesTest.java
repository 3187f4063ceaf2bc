package io.kubeward.server.ha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HaPropertiesTest {

  @Test
  void twoReplicasStartedWithoutAnIdGetDifferentOnes() {
    HaProperties one = new HaProperties(null, Duration.ofSeconds(5));
    HaProperties two = new HaProperties(" ", Duration.ofSeconds(5));

    assertThat(one.replicaId()).matches("[A-Za-z0-9._-]+-[0-9a-f]{8}");
    assertThat(one.replicaId()).isNotEqualTo(two.replicaId());
  }

  @Test
  void aGivenIdIsKeptTrimmed() {
    assertThat(new HaProperties(" kubeward-0 ", Duration.ofSeconds(1)).replicaId())
        .isEqualTo("kubeward-0");
  }

  @Test
  void anIdThatCannotNameALeaseHolderStopsTheStart() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new HaProperties("a b", Duration.ofSeconds(5)))
        .withMessageContaining("replica-id");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new HaProperties("x".repeat(101), Duration.ofSeconds(5)));
  }

  @Test
  void theSyncIntervalIsBounded() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new HaProperties("a", Duration.ofMillis(999)))
        .withMessage("cluster-sync-interval must be between 1s and 10m");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new HaProperties("a", Duration.ofMinutes(11)));
    assertThat(new HaProperties("a", Duration.ofMinutes(10)).clusterSyncInterval())
        .isEqualTo(Duration.ofMinutes(10));
  }
}
