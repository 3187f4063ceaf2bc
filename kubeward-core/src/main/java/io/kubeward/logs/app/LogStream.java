package io.kubeward.logs.app;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** An open log stream (one container or a multi-pod tail): closing it stops every reader. */
public interface LogStream extends AutoCloseable {

  /**
   * Why the stream should end now ({@code idle}: no line for {@code idle-timeout} while following;
   * {@code max-duration}), or {@code null}. Polled by the transport with its clock's time.
   */
  @Nullable String expired(Instant now);

  @Override
  void close();
}
