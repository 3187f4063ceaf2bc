package io.kubeward.exec.domain;

import java.time.Duration;

/**
 * The bounds of exec sessions and port-forward connections, validated once at start-up.
 *
 * @param maxSessionsPerUser open exec sessions and port-forward connections of one user together, 1
 *     to 100
 * @param idleTimeout a session without a message either way for this long is closed, 10s to 24h
 * @param maxDuration a session is closed after this long whatever happens, 1m to 24h
 * @param maxMessageBytes the largest WebSocket message accepted or sent, 1 KiB to 1 MiB
 * @param maxCommandLength the longest explicit command (all arguments, in characters), 1 to 4096
 */
public record ExecLimits(
    int maxSessionsPerUser,
    int maxForwardsPerUser,
    Duration idleTimeout,
    Duration maxDuration,
    int maxMessageBytes,
    int maxCommandLength) {

  public ExecLimits {
    if (maxSessionsPerUser < 1 || maxSessionsPerUser > 100) {
      throw new IllegalArgumentException("max-sessions-per-user must be between 1 and 100");
    }
    if (maxForwardsPerUser < 1 || maxForwardsPerUser > 1000) {
      throw new IllegalArgumentException("max-forwards-per-user must be between 1 and 1000");
    }
    within("idle-timeout", idleTimeout, Duration.ofSeconds(10), Duration.ofHours(24));
    within("max-duration", maxDuration, Duration.ofMinutes(1), Duration.ofHours(24));
    if (maxMessageBytes < 1024 || maxMessageBytes > 1024 * 1024) {
      throw new IllegalArgumentException("max-message-size must be between 1KB and 1MB");
    }
    if (maxCommandLength < 1 || maxCommandLength > 4096) {
      throw new IllegalArgumentException("max-command-length must be between 1 and 4096");
    }
  }

  private static void within(String name, Duration value, Duration min, Duration max) {
    if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw new IllegalArgumentException(name + " must be between " + min + " and " + max);
    }
  }

  /** The defaults of {@code kubeward.exec.*}. */
  public static ExecLimits defaults() {
    return new ExecLimits(5, 16, Duration.ofMinutes(30), Duration.ofHours(4), 64 * 1024, 1024);
  }
}
