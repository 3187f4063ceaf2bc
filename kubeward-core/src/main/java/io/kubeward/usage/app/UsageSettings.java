package io.kubeward.usage.app;

import java.time.Duration;

/**
 * How live usage is read (ADR 0019).
 *
 * @param maxAge how long one reading of a cluster's metrics API is shared by every caller, 0s (each
 *     request reads it) to 10m
 * @param absentFor how long a cluster whose metrics API did not answer is not asked again, 1s to 1h
 * @param timeout how long one reading may take, 1s to 2m
 * @param maxPods pod samples kept per reading at most, 1 to 1,000,000 (the rest is left out and the
 *     answers say {@code truncated})
 */
public record UsageSettings(Duration maxAge, Duration absentFor, Duration timeout, int maxPods) {

  public static final UsageSettings DEFAULTS =
      new UsageSettings(
          Duration.ofSeconds(15), Duration.ofSeconds(30), Duration.ofSeconds(10), 200_000);

  public UsageSettings {
    requireBetween("max-age", maxAge, Duration.ZERO, Duration.ofMinutes(10));
    requireBetween("absent-for", absentFor, Duration.ofSeconds(1), Duration.ofHours(1));
    requireBetween("timeout", timeout, Duration.ofSeconds(1), Duration.ofMinutes(2));
    if (maxPods < 1 || maxPods > 1_000_000) {
      throw new IllegalArgumentException("max-pods must be from 1 to 1000000, is " + maxPods);
    }
  }

  private static void requireBetween(String name, Duration value, Duration min, Duration max) {
    if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw new IllegalArgumentException(
          name + " must be from " + min + " to " + max + ", is " + value);
    }
  }
}
