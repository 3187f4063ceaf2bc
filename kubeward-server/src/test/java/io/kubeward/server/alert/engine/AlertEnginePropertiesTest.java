package io.kubeward.server.alert.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeward.alert.app.engine.EngineObserver;
import io.kubeward.alert.domain.AlertScope;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AlertEnginePropertiesTest {

  static AlertEngineProperties with(Duration interval, Duration leaseDuration, Duration renew) {
    return new AlertEngineProperties(
        true,
        interval,
        Duration.ofMillis(300),
        Duration.ofDays(30),
        Duration.ofHours(24),
        Duration.ofMinutes(3),
        leaseDuration,
        renew);
  }

  @Test
  void validValuesBecomeTheSettings() {
    AlertEngineProperties p =
        with(Duration.ofSeconds(15), Duration.ofSeconds(15), Duration.ofSeconds(5));
    assertThat(p.settings().evaluationInterval()).isEqualTo(Duration.ofSeconds(15));
    assertThat(p.settings().siteLeaseRenew()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void badValuesStopTheStartNamingTheProperty() {
    assertThatThrownBy(
            () -> with(Duration.ofMillis(10), Duration.ofSeconds(15), Duration.ofSeconds(5)))
        .hasMessageContaining("kubeward.alerting.evaluation-interval");
    assertThatThrownBy(
            () -> with(Duration.ofSeconds(15), Duration.ofSeconds(1), Duration.ofSeconds(1)))
        .hasMessageContaining("site-lease-duration");
    // a renewal must fit three times into the lease, or a slow renewal loses it
    assertThatThrownBy(
            () -> with(Duration.ofSeconds(15), Duration.ofSeconds(15), Duration.ofSeconds(6)))
        .hasMessageContaining("site-lease-renew");
  }

  @Test
  void evaluationsAreCountedAndTimedPerScope() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    EngineObserver meters = new AlertEngineMeters(registry);
    meters.evaluated(AlertScope.ofCluster("local"), Duration.ofMillis(12), 6, 0, 2);
    meters.evaluated(AlertScope.ofCluster("local"), Duration.ofMillis(8), 6, 1, 0);
    meters.evaluated(AlertScope.site(), Duration.ofMillis(1), 1, 0, 0);
    assertThat(
            registry
                .get("kubeward.alerting.evaluations")
                .tag("scope", "cluster/local")
                .tag("result", "ok")
                .counter()
                .count())
        .isEqualTo(1.0);
    assertThat(
            registry
                .get("kubeward.alerting.evaluations")
                .tag("scope", "cluster/local")
                .tag("result", "failed")
                .counter()
                .count())
        .isEqualTo(1.0);
    assertThat(
            registry
                .get("kubeward.alerting.evaluation.time")
                .tag("scope", "cluster/local")
                .timer()
                .count())
        .isEqualTo(2);
    assertThat(registry.get("kubeward.alerting.transitions").counter().count()).isEqualTo(2.0);
    assertThat(registry.get("kubeward.alerting.evaluations").tag("scope", "site").counter().count())
        .isEqualTo(1.0);
  }
}
