package io.kubeward.server.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * Streamed downloads (exports) whose client may leave half-way. The body notices it itself: whether
 * Spring dispatches the failure to {@link ApiProblems} depends on a race with Tomcat completing the
 * async request first, so a gone client is logged here, once, at DEBUG.
 */
public final class Downloads {

  private static final Logger log = LoggerFactory.getLogger(Downloads.class);

  private Downloads() {}

  /** {@code body}, ending quietly when the client has gone away. */
  public static StreamingResponseBody untilTheClientLeaves(
      String what, StreamingResponseBody body) {
    return out -> {
      try {
        body.writeTo(out);
      } catch (IOException | UncheckedIOException e) {
        if (!DisconnectedClientHelper.isClientDisconnectedException(e)) {
          throw e;
        }
        log.debug("The client went away from the {}: {}", what, e.toString());
      } catch (RuntimeException e) {
        if (!DisconnectedClientHelper.isClientDisconnectedException(e)) {
          throw e;
        }
        log.debug("The client went away from the {}: {}", what, e.toString());
      }
    };
  }
}
