package io.kubeward.alert.app.channel;

import java.time.Duration;

/**
 * The bounds of deliveries ({@code kubeward.alerting.channels.*}): attempts per notification, the
 * exponential backoff between them (initial, doubled each time, at most {@code maxBackoff}), the
 * per-channel queue's capacity, the timeouts of one attempt and how long a test message may take.
 */
public record DeliverySettings(
    int maxAttempts,
    Duration initialBackoff,
    Duration maxBackoff,
    int queueCapacity,
    Duration connectTimeout,
    Duration requestTimeout,
    int maxResponseBytes,
    Duration testTimeout) {

  public DeliverySettings {
    if (maxAttempts < 1 || maxAttempts > 20) {
      throw new IllegalArgumentException("max-attempts must be between 1 and 20");
    }
    if (initialBackoff.isNegative()
        || initialBackoff.isZero()
        || initialBackoff.compareTo(Duration.ofMinutes(10)) > 0) {
      throw new IllegalArgumentException("initial-backoff must be between 1ms and 10m");
    }
    if (maxBackoff.compareTo(initialBackoff) < 0 || maxBackoff.compareTo(Duration.ofHours(1)) > 0) {
      throw new IllegalArgumentException("max-backoff must be between initial-backoff and 1h");
    }
    if (queueCapacity < 1 || queueCapacity > 100_000) {
      throw new IllegalArgumentException("queue-capacity must be between 1 and 100000");
    }
    positive("connect-timeout", connectTimeout, Duration.ofMinutes(1));
    positive("request-timeout", requestTimeout, Duration.ofMinutes(5));
    positive("test-timeout", testTimeout, Duration.ofMinutes(5));
    if (maxResponseBytes < 1024 || maxResponseBytes > 16 * 1024 * 1024) {
      throw new IllegalArgumentException("max-response-bytes must be between 1KB and 16MB");
    }
  }

  private static void positive(String name, Duration value, Duration max) {
    if (value.isNegative() || value.isZero() || value.compareTo(max) > 0) {
      throw new IllegalArgumentException(name + " must be between 1ms and " + max);
    }
  }

  /** The pause after attempt {@code attempt} (1-based) failed: initial × 2^(attempt-1), capped. */
  public Duration backoff(int attempt) {
    long millis = initialBackoff.toMillis();
    for (int i = 1; i < attempt && millis < maxBackoff.toMillis(); i++) {
      millis *= 2;
    }
    return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
  }

  public static DeliverySettings defaults() {
    return new DeliverySettings(
        8,
        Duration.ofSeconds(1),
        Duration.ofMinutes(1),
        1000,
        Duration.ofSeconds(5),
        Duration.ofSeconds(10),
        64 * 1024,
        Duration.ofSeconds(30));
  }
}
