package io.kubeward.server.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@code kubeward.history.*} is validated when bound: a wrong value stops the start. */
class HistoryPropertiesTest {

  static HistoryProperties bind(Map<String, String> values) {
    return new Binder(new MapConfigurationPropertySource(values))
        .bindOrCreate("kubeward.history", HistoryProperties.class);
  }

  @Test
  void defaults() {
    HistoryProperties p = bind(Map.of());
    assertThat(p.settings().sampleInterval()).isEqualTo(Duration.ofSeconds(30));
    assertThat(p.settings().rawRetention()).isEqualTo(Duration.ofHours(24));
    assertThat(p.settings().rollupInterval()).isEqualTo(Duration.ofMinutes(5));
    assertThat(p.settings().rollupRetention()).isEqualTo(Duration.ofDays(30));
    assertThat(p.prometheus().limits().maxResponseBytes()).isEqualTo(32L * 1024 * 1024);
    assertThat(p.prometheus().limits().maxPointsPerSeries()).isEqualTo(11_000);
  }

  @Test
  void wrongValuesAreRefused() {
    assertThatThrownBy(() -> bind(Map.of("kubeward.history.sample-interval", "1s")))
        .hasStackTraceContaining("sample-interval must be between 10s and 10m");
    assertThatThrownBy(() -> bind(Map.of("kubeward.history.rollup-interval", "45s")))
        .hasStackTraceContaining("whole number of sample intervals");
    assertThatThrownBy(() -> bind(Map.of("kubeward.history.raw-retention", "30d")))
        .hasStackTraceContaining("raw-retention");
    assertThatThrownBy(() -> bind(Map.of("kubeward.history.rollup-retention", "1h")))
        .hasStackTraceContaining("rollup-retention");
    assertThatThrownBy(() -> bind(Map.of("kubeward.history.prometheus.max-timeout", "10m")))
        .hasStackTraceContaining("max-timeout must be at most 5m");
    assertThatThrownBy(
            () -> bind(Map.of("kubeward.history.prometheus.max-points-per-series", "20000")))
        .hasStackTraceContaining("max-points-per-series");
    assertThatThrownBy(() -> bind(Map.of("kubeward.history.prometheus.max-response-bytes", "1TB")))
        .hasStackTraceContaining("max-response-bytes");
  }
}
