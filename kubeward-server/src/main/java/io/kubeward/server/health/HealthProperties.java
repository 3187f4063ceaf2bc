package io.kubeward.server.health;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Health and degradation ({@code kubeward.health.*}); a bad value stops the start. See ADR 0017.
 *
 * @param databaseTimeout how long {@code /healthz} waits for the database check before it answers
 *     {@code DOWN}, 100ms to 30s; keep it below the readiness probe's timeout
 * @param databaseCheckInterval a check younger than this is reused instead of asking the database
 *     again (so that anonymous callers of {@code /healthz} cannot load it), 0 to 1m
 * @param retryAfter the {@code Retry-After} of {@code 503 database.unavailable} answers, 1s to 1h
 */
@ConfigurationProperties("kubeward.health")
public record HealthProperties(
    @DefaultValue("1s") Duration databaseTimeout,
    @DefaultValue("1s") Duration databaseCheckInterval,
    @DefaultValue("5s") Duration retryAfter) {

  public HealthProperties {
    within("database-timeout", databaseTimeout, Duration.ofMillis(100), Duration.ofSeconds(30));
    within("database-check-interval", databaseCheckInterval, Duration.ZERO, Duration.ofMinutes(1));
    within("retry-after", retryAfter, Duration.ofSeconds(1), Duration.ofHours(1));
  }

  private static void within(String name, Duration value, Duration min, Duration max) {
    if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw new IllegalArgumentException(
          "kubeward.health." + name + " must be between " + min + " and " + max + ": " + value);
    }
  }
}
