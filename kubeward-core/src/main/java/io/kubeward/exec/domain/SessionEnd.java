package io.kubeward.exec.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * How an exec session or port-forward connection ended, for its {@code .end} audit record.
 *
 * @param reason {@code exited}, {@code closed} (by the client), {@code idle}, {@code max-duration},
 *     {@code signed-out}, {@code shutdown} or {@code error}
 * @param exitCode the command's exit code when it exited, else {@code null}
 * @param error what went wrong, for {@code error}
 */
public record SessionEnd(
    Instant started,
    Instant ended,
    String reason,
    @Nullable Integer exitCode,
    long bytesIn,
    long bytesOut,
    @Nullable String error) {

  public boolean failed() {
    return error != null;
  }

  /** The lines written as the end record's diff. */
  public String describe() {
    StringBuilder out = new StringBuilder();
    out.append("started: ").append(started).append('\n');
    out.append("ended: ").append(ended).append('\n');
    out.append("duration: ")
        .append(Duration.between(started, ended).toString().toLowerCase(Locale.ROOT).substring(2))
        .append('\n');
    out.append("reason: ").append(reason).append('\n');
    if (exitCode != null) {
      out.append("exitCode: ").append(exitCode).append('\n');
    }
    out.append("bytesIn: ").append(bytesIn).append('\n');
    out.append("bytesOut: ").append(bytesOut).append('\n');
    return out.toString();
  }
}
