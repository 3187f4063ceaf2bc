package io.kubeward.server.logs;

import io.kubeward.logs.domain.LogLimits;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Container logs ({@code kubeward.logs.*}, ADR 0024); a bad value stops the start. See {@link
 * LogLimits} for each bound's range.
 *
 * @param maxStreamsPerUser open log streams and downloads of one user in this replica (every SSE
 *     stream also counts against {@code kubeward.stream.max-per-user})
 * @param maxPodsPerTail pods one multi-pod tail follows; more matching pods are named, not followed
 * @param defaultTailLines lines from the end when neither tail nor since is asked for
 * @param maxTailLines the largest tail accepted
 * @param maxSince the furthest back a since / sinceTime may reach
 * @param maxLineLength characters of a line kept (longer ones are cut and marked)
 * @param maxBytes bytes read from one container's log at most (the apiserver's limitBytes), also
 *     the largest download
 * @param idleTimeout a followed stream without a line for this long ends ({@code idle})
 * @param maxDuration a followed stream ends after this long ({@code max-duration})
 * @param headTimeout how long the apiserver may take to start answering a log request, 1s to 2m
 */
@ConfigurationProperties("kubeward.logs")
public record LogsProperties(
    @DefaultValue("5") int maxStreamsPerUser,
    @DefaultValue("20") int maxPodsPerTail,
    @DefaultValue("500") int defaultTailLines,
    @DefaultValue("10000") int maxTailLines,
    @DefaultValue("7d") Duration maxSince,
    @DefaultValue("16384") int maxLineLength,
    @DefaultValue("32MB") DataSize maxBytes,
    @DefaultValue("30m") Duration idleTimeout,
    @DefaultValue("4h") Duration maxDuration,
    @DefaultValue("20s") Duration headTimeout) {

  public LogsProperties {
    limits(
        maxStreamsPerUser,
        maxPodsPerTail,
        defaultTailLines,
        maxTailLines,
        maxSince,
        maxLineLength,
        maxBytes,
        idleTimeout,
        maxDuration);
    if (headTimeout == null
        || headTimeout.compareTo(Duration.ofSeconds(1)) < 0
        || headTimeout.compareTo(Duration.ofMinutes(2)) > 0) {
      throw new IllegalArgumentException(
          "kubeward.logs.head-timeout must be between 1s and 2m: " + headTimeout);
    }
  }

  public LogLimits limits() {
    return limits(
        maxStreamsPerUser,
        maxPodsPerTail,
        defaultTailLines,
        maxTailLines,
        maxSince,
        maxLineLength,
        maxBytes,
        idleTimeout,
        maxDuration);
  }

  private static LogLimits limits(
      int maxStreamsPerUser,
      int maxPodsPerTail,
      int defaultTailLines,
      int maxTailLines,
      Duration maxSince,
      int maxLineLength,
      DataSize maxBytes,
      Duration idleTimeout,
      Duration maxDuration) {
    return new LogLimits(
        maxStreamsPerUser,
        maxPodsPerTail,
        defaultTailLines,
        maxTailLines,
        maxSince,
        maxLineLength,
        maxBytes == null ? 0 : maxBytes.toBytes(),
        idleTimeout,
        maxDuration);
  }
}
