package io.kubeward.logs.domain;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a log stream tells its reader, in order per container. The SSE event name is {@link
 * #type()}.
 */
public sealed interface LogEvent {

  String type();

  /**
   * Lines read together from one container, in the container's order.
   *
   * @param colour the pod's stable colour index ({@link PodColours})
   */
  record Lines(String pod, String container, int colour, List<LogLine> lines) implements LogEvent {
    @Override
    public String type() {
      return "lines";
    }
  }

  /** A pod now followed (at the start or because it joined a selector/workload while following). */
  record Joined(String pod, List<String> containers, int colour, boolean initial)
      implements LogEvent {
    @Override
    public String type() {
      return "joined";
    }
  }

  /**
   * A followed pod that went away ({@code deleted}, {@code no-longer-matches}), or whose container
   * restarted ({@code restarted}: a {@link Joined} follows with the new container's log).
   */
  record Left(String pod, String reason) implements LogEvent {
    @Override
    public String type() {
      return "left";
    }
  }

  /**
   * More pods matched than one tail follows ({@code kubeward.logs.max-pods-per-tail}): {@code
   * matched} in all, {@code followed} of them followed, {@code skipped} some of the others' names.
   */
  record Capped(int matched, int followed, List<String> skipped) implements LogEvent {
    @Override
    public String type() {
      return "capped";
    }
  }

  /**
   * One container's log ended: the container stopped ({@code eof}), the apiserver refused it
   * ({@code code} and {@code message} of the problem), or the byte limit was reached.
   */
  record Ended(
      String pod, String container, String reason, @Nullable String code, @Nullable String message)
      implements LogEvent {
    @Override
    public String type() {
      return "ended";
    }
  }

  /**
   * The whole stream ends: {@code idle}, {@code max-duration}, {@code finished} (nothing follows).
   */
  record Finished(String reason) implements LogEvent {
    @Override
    public String type() {
      return "finished";
    }
  }
}
