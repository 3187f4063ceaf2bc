package io.kubeward.server.alert.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeward.alert.app.channel.DeliverySettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@code kubeward.alerting.channels.*} is validated when bound: a wrong value stops the start. */
class AlertChannelsPropertiesTest {

  static AlertChannelsProperties bind(Map<String, String> values) {
    return new Binder(new MapConfigurationPropertySource(values))
        .bindOrCreate("kubeward.alerting.channels", AlertChannelsProperties.class);
  }

  @Test
  void defaults() {
    DeliverySettings s = bind(Map.of()).settings();
    assertThat(s.maxAttempts()).isEqualTo(8);
    assertThat(s.maxResponseBytes()).isEqualTo(64 * 1024);
    // 1 + 2 + 4 + 8 + 16 + 32 + 60 s: a receiver down for a minute still gets the notification
    assertThat(s.backoff(1)).isEqualTo(Duration.ofSeconds(1));
    assertThat(s.backoff(6)).isEqualTo(Duration.ofSeconds(32));
    assertThat(s.backoff(7)).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void wrongValuesAreRefused() {
    assertThatThrownBy(() -> bind(Map.of("kubeward.alerting.channels.max-attempts", "0")))
        .hasStackTraceContaining("max-attempts must be between 1 and 20");
    assertThatThrownBy(
            () ->
                bind(
                    Map.of(
                        "kubeward.alerting.channels.initial-backoff", "10s",
                        "kubeward.alerting.channels.max-backoff", "1s")))
        .hasStackTraceContaining("max-backoff must be between initial-backoff and 1h");
    assertThatThrownBy(() -> bind(Map.of("kubeward.alerting.channels.request-timeout", "0s")))
        .hasStackTraceContaining("request-timeout");
    assertThatThrownBy(() -> bind(Map.of("kubeward.alerting.channels.max-response-bytes", "1GB")))
        .hasStackTraceContaining("max-response-bytes");
  }
}
