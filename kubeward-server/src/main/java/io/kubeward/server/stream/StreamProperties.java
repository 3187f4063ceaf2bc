package io.kubeward.server.stream;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Server-Sent Event streams ({@code kubeward.stream.*}); a bad value stops the start.
 *
 * @param maxPerUser open streams of one user (all their sessions and tokens), 1 to 1000; one more
 *     is refused with 429
 * @param maxTotal open streams of this replica, 1 to 100000
 * @param revalidateInterval how often an open stream's caller is checked against the database
 *     (signed out, password changed, disabled, deleted, grants narrowed, token revoked or expired),
 *     1s to 1m; changes made in this replica close the streams at once
 * @param heartbeat a comment is sent after this long without an event, 1s to 5m
 * @param retryAfter the {@code Retry-After} of a refused stream, 1s to 10m
 */
@ConfigurationProperties("kubeward.stream")
public record StreamProperties(
    @DefaultValue("10") int maxPerUser,
    @DefaultValue("1000") int maxTotal,
    @DefaultValue("5s") Duration revalidateInterval,
    @DefaultValue("15s") Duration heartbeat,
    @DefaultValue("10s") Duration retryAfter) {

  public StreamProperties {
    if (maxPerUser < 1 || maxPerUser > 1000) {
      throw new IllegalArgumentException("max-per-user must be between 1 and 1000");
    }
    if (maxTotal < 1 || maxTotal > 100_000) {
      throw new IllegalArgumentException("max-total must be between 1 and 100000");
    }
    within("revalidate-interval", revalidateInterval, Duration.ofSeconds(1), Duration.ofMinutes(1));
    within("heartbeat", heartbeat, Duration.ofSeconds(1), Duration.ofMinutes(5));
    within("retry-after", retryAfter, Duration.ofSeconds(1), Duration.ofMinutes(10));
  }

  private static void within(String name, Duration value, Duration min, Duration max) {
    if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw new IllegalArgumentException(name + " must be between " + min + " and " + max);
    }
  }
}
