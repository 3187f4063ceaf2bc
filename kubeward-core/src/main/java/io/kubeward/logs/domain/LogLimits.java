package io.kubeward.logs.domain;

import java.time.Duration;

/**
 * The bounds of container logs ({@code kubeward.logs.*}); a value out of range stops the start.
 *
 * @param maxStreamsPerUser open log streams and downloads of one user at once, 1 to 100
 * @param maxPodsPerTail pods followed by one multi-pod tail, 1 to 200; more matching pods are
 *     counted and named in the stream, not followed
 * @param defaultTailLines lines from the end when the request names neither tail nor since, 1 to
 *     {@code maxTailLines}
 * @param maxTailLines the largest {@code tailLines} accepted, 1 to 100000
 * @param maxSince the furthest back {@code sinceSeconds}/{@code sinceTime} may reach, 1 minute to
 *     30 days
 * @param maxLineLength characters of one line kept; longer lines are cut and marked, 256 to 1 MiB
 * @param maxBytes bytes of one container's log read at most (the apiserver's {@code limitBytes}),
 *     also the ceiling of a requested {@code limitBytes}, 64 KiB to 1 GiB
 * @param idleTimeout a followed stream that received no line for this long ends, 1 minute to 24 h
 * @param maxDuration a followed stream ends after this long whatever happens, 1 minute to 7 days
 */
public record LogLimits(
    int maxStreamsPerUser,
    int maxPodsPerTail,
    int defaultTailLines,
    int maxTailLines,
    Duration maxSince,
    int maxLineLength,
    long maxBytes,
    Duration idleTimeout,
    Duration maxDuration) {

  public LogLimits {
    range("max-streams-per-user", maxStreamsPerUser, 1, 100);
    range("max-pods-per-tail", maxPodsPerTail, 1, 200);
    range("max-tail-lines", maxTailLines, 1, 100_000);
    range("default-tail-lines", defaultTailLines, 1, maxTailLines);
    within("max-since", maxSince, Duration.ofMinutes(1), Duration.ofDays(30));
    range("max-line-length", maxLineLength, 256, 1 << 20);
    range("max-bytes", maxBytes, 64 << 10, 1L << 30);
    within("idle-timeout", idleTimeout, Duration.ofMinutes(1), Duration.ofHours(24));
    within("max-duration", maxDuration, Duration.ofMinutes(1), Duration.ofDays(7));
  }

  /** The defaults of {@code application.properties} (tests, tools). */
  public static LogLimits defaults() {
    return new LogLimits(
        5,
        20,
        500,
        10_000,
        Duration.ofDays(7),
        16_384,
        32L << 20,
        Duration.ofMinutes(30),
        Duration.ofHours(4));
  }

  private static void range(String name, long value, long min, long max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          "kubeward.logs." + name + " must be between " + min + " and " + max + ": " + value);
    }
  }

  private static void within(String name, Duration value, Duration min, Duration max) {
    if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw new IllegalArgumentException(
          "kubeward.logs." + name + " must be between " + min + " and " + max + ": " + value);
    }
  }
}
