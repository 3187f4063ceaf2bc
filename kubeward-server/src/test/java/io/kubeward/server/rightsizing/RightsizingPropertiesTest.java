package io.kubeward.server.rightsizing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeward.rightsizing.domain.RightsizingPolicy;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@code kubeward.rightsizing.*} is validated when bound: a wrong value stops the start. */
class RightsizingPropertiesTest {

  static RightsizingProperties bind(Map<String, String> values) {
    return new Binder(new MapConfigurationPropertySource(values))
        .bindOrCreate("kubeward.rightsizing", RightsizingProperties.class);
  }

  @Test
  void defaultsAreP90CpuAndPeakMemoryWithFifteenPercentAndTheFloors() {
    RightsizingPolicy p = bind(Map.of()).settings().policy();
    assertThat(p).isEqualTo(RightsizingPolicy.defaults());
    assertThat(p.window()).isEqualTo(Duration.ofDays(7));
    assertThat(p.memoryFloorBytes()).isEqualTo(32L * 1024 * 1024);
    assertThat(bind(Map.of()).settings().maxContainers()).isEqualTo(500);
  }

  @Test
  void wrongValuesAreRefused() {
    assertThatThrownBy(() -> bind(Map.of("kubeward.rightsizing.cpu-percentile", "101")))
        .hasStackTraceContaining("cpu-percentile");
    assertThatThrownBy(() -> bind(Map.of("kubeward.rightsizing.window", "90d")))
        .hasStackTraceContaining("window must be between 1h and 32d");
    assertThatThrownBy(() -> bind(Map.of("kubeward.rightsizing.memory-floor", "2GB")))
        .hasStackTraceContaining("memory-floor");
    assertThatThrownBy(() -> bind(Map.of("kubeward.rightsizing.max-containers", "0")))
        .hasStackTraceContaining("max-containers");
    assertThatThrownBy(() -> bind(Map.of("kubeward.rightsizing.memory-margin", "-0.1")))
        .hasStackTraceContaining("memory-margin");
  }
}
