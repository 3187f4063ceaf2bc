package io.kubeward.server.exec;

import io.kubeward.exec.domain.ExecLimits;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Exec terminal and port-forward ({@code kubeward.exec.*}, ADR 0025); a bad value stops the start.
 *
 * @param maxSessionsPerUser open exec sessions of one user, 1 to 100 (429 {@code exec.too-many}
 *     beyond)
 * @param maxForwardsPerUser open port-forward connections of one user (one per TCP connection), 1
 *     to 1000
 * @param idleTimeout a session or connection without a message either way for this long is closed,
 *     10s to 24h
 * @param maxDuration a session or connection is closed after this long, 1m to 24h
 * @param maxMessageSize the largest WebSocket message accepted or sent, 1KB to 1MB
 * @param maxCommandLength the longest explicit command, in characters (all arguments), 1 to 4096
 */
@ConfigurationProperties("kubeward.exec")
public record ExecProperties(
    @DefaultValue("5") int maxSessionsPerUser,
    @DefaultValue("16") int maxForwardsPerUser,
    @DefaultValue("30m") Duration idleTimeout,
    @DefaultValue("4h") Duration maxDuration,
    @DefaultValue("64KB") DataSize maxMessageSize,
    @DefaultValue("1024") int maxCommandLength) {

  public ExecProperties {
    limits(
        maxSessionsPerUser,
        maxForwardsPerUser,
        idleTimeout,
        maxDuration,
        maxMessageSize,
        maxCommandLength);
  }

  public ExecLimits limits() {
    return limits(
        maxSessionsPerUser,
        maxForwardsPerUser,
        idleTimeout,
        maxDuration,
        maxMessageSize,
        maxCommandLength);
  }

  private static ExecLimits limits(
      int sessions, int forwards, Duration idle, Duration max, DataSize message, int command) {
    if (message == null || message.toBytes() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("max-message-size must be between 1KB and 1MB");
    }
    return new ExecLimits(sessions, forwards, idle, max, (int) message.toBytes(), command);
  }
}
