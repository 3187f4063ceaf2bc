package io.kubeward.server.alert.channels;

import io.kubeward.alert.app.channel.DeliverySettings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Alert channels' delivery ({@code kubeward.alerting.channels.*}, ADR 0033); validated when bound,
 * so a wrong value stops the start with a message.
 *
 * @param maxAttempts attempts per notification and channel (1–20); the first included
 * @param initialBackoff the pause after the first failed attempt, doubled after each further one
 * @param maxBackoff the longest pause between attempts (≤ 1h)
 * @param queueCapacity notifications waiting per channel; more are refused (recorded as failed)
 * @param connectTimeout TCP/TLS connect timeout of HTTP and SMTP
 * @param requestTimeout the longest an HTTP request or an SMTP exchange may take
 * @param maxResponseBytes bytes of an HTTP answer read at most
 * @param testTimeout how long "send test message" waits for its one attempt
 */
@ConfigurationProperties("kubeward.alerting.channels")
public record AlertChannelsProperties(
    @DefaultValue("8") int maxAttempts,
    @DefaultValue("1s") Duration initialBackoff,
    @DefaultValue("1m") Duration maxBackoff,
    @DefaultValue("1000") int queueCapacity,
    @DefaultValue("5s") Duration connectTimeout,
    @DefaultValue("10s") Duration requestTimeout,
    @DefaultValue("64KB") DataSize maxResponseBytes,
    @DefaultValue("30s") Duration testTimeout) {

  public AlertChannelsProperties {
    settings(
        maxAttempts,
        initialBackoff,
        maxBackoff,
        queueCapacity,
        connectTimeout,
        requestTimeout,
        maxResponseBytes,
        testTimeout);
  }

  public DeliverySettings settings() {
    return settings(
        maxAttempts,
        initialBackoff,
        maxBackoff,
        queueCapacity,
        connectTimeout,
        requestTimeout,
        maxResponseBytes,
        testTimeout);
  }

  private static DeliverySettings settings(
      int maxAttempts,
      Duration initialBackoff,
      Duration maxBackoff,
      int queueCapacity,
      Duration connectTimeout,
      Duration requestTimeout,
      DataSize maxResponseBytes,
      Duration testTimeout) {
    long bytes = maxResponseBytes.toBytes();
    return new DeliverySettings(
        maxAttempts,
        initialBackoff,
        maxBackoff,
        queueCapacity,
        connectTimeout,
        requestTimeout,
        bytes > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) bytes,
        testTimeout);
  }
}
