package io.kubeward.logs.domain;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What a log request asks of each container, already checked against {@link LogLimits} by {@link
 * LogRequests#validate}: at most one of {@code sinceSeconds} and {@code sinceTime}; {@code
 * tailLines} always set (a default applies when neither tail nor since is given); {@code
 * limitBytes} always set (at most {@link LogLimits#maxBytes()}).
 */
public record LogOptions(
    @Nullable String container,
    boolean follow,
    boolean previous,
    boolean timestamps,
    @Nullable Long sinceSeconds,
    @Nullable Instant sinceTime,
    @Nullable Integer tailLines,
    long limitBytes) {

  /** The same options for another container (a multi-pod tail follows each container). */
  public LogOptions forContainer(String name) {
    return new LogOptions(
        name, follow, previous, timestamps, sinceSeconds, sinceTime, tailLines, limitBytes);
  }
}
