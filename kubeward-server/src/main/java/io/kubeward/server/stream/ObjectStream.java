package io.kubeward.server.stream;

import io.kubeward.runtime.app.ObjectWatcher;
import io.kubeward.server.security.CurrentUser;
import java.io.IOException;
import java.util.Map;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * A stream of one watched object (a maintenance, a backup, a restore): each new state goes to the
 * stream's {@link Views}, which decides what to send and when the stream ends; the object's
 * deletion sends {@code event: deleted} ({@code {name}}) and ends it. Pumped, limited and
 * re-checked by {@link SseStreams} like every stream.
 */
public final class ObjectStream {

  private ObjectStream() {}

  /** Starts watching one object for the stream; returns what stops the watch. */
  @FunctionalInterface
  public interface Watch<V> {
    AutoCloseable watch(ObjectWatcher<V> watcher);
  }

  /** What the stream sends for a new state of the object; called on the stream's own thread. */
  @FunctionalInterface
  public interface Views<V> {
    /**
     * @return {@code false} to end the stream (e.g. the object is finished)
     */
    boolean onView(V view, SseStreams.Sender out) throws IOException;
  }

  public static <V> SseEmitter open(
      SseStreams streams,
      CurrentUser user,
      String streamName,
      int queue,
      String objectName,
      Watch<V> watch,
      Views<V> views) {
    return streams.open(
        user,
        streamName,
        queue,
        sink ->
            watch.watch(
                new ObjectWatcher<>() {
                  @Override
                  public void changed(V view) {
                    sink.accept(new Update<>(view));
                  }

                  @Override
                  public void deleted() {
                    sink.accept(new Update<>(null));
                  }
                }),
        (Update<V> update, SseStreams.Sender out) -> {
          if (update.view() == null) {
            out.event("deleted", Map.of("name", objectName));
            return false;
          }
          return views.onView(update.view(), out);
        });
  }

  /** A new state of the object, or ({@code view} null) its deletion. */
  private record Update<V>(V view) {}
}
