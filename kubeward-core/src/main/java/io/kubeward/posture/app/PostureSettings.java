package io.kubeward.posture.app;

import java.time.Duration;

/**
 * Bounds of the posture scans (ADR 0050), validated when made.
 *
 * @param cacheFor how long a caller's last scan of a cluster is answered again, 0s to 1d
 * @param scanTimeout how long one scan may read, 1s to 10m (then it stops and says truncated)
 * @param pageSize objects per list request, 10 to 1000
 * @param maxObjects objects read per scan at most, 100 to 1,000,000 (then truncated)
 * @param maxExceptionDuration how far ahead an exception may expire, 1d to 365d
 * @param certificateWarning a certificate expiring sooner than this fails its check, 1d to 365d
 */
public record PostureSettings(
    Duration cacheFor,
    Duration scanTimeout,
    int pageSize,
    int maxObjects,
    Duration maxExceptionDuration,
    Duration certificateWarning) {

  public PostureSettings {
    within("cacheFor", cacheFor, Duration.ZERO, Duration.ofDays(1));
    within("scanTimeout", scanTimeout, Duration.ofSeconds(1), Duration.ofMinutes(10));
    within("maxExceptionDuration", maxExceptionDuration, Duration.ofDays(1), Duration.ofDays(365));
    within("certificateWarning", certificateWarning, Duration.ofDays(1), Duration.ofDays(365));
    if (pageSize < 10 || pageSize > 1000) {
      throw new IllegalArgumentException("kubeward.posture.page-size must be 10 to 1000");
    }
    if (maxObjects < 100 || maxObjects > 1_000_000) {
      throw new IllegalArgumentException("kubeward.posture.max-objects must be 100 to 1000000");
    }
  }

  private static void within(String name, Duration value, Duration min, Duration max) {
    if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw new IllegalArgumentException(
          "kubeward.posture." + name + " must be " + min + " to " + max + ", not " + value);
    }
  }
}
