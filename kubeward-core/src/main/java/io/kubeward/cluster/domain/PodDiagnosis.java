package io.kubeward.cluster.domain;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the diagnostics need of a pod that is not simply running and ready: the pod's own reason and
 * message ({@code Evicted}, "The node was low on resource: memory."), the scheduler's reason and
 * message while {@code PodScheduled} is False, since when the pod is not Ready, its start time, and
 * the state of every init and regular container. Kept only for such pods ({@code null} in the view
 * of a healthy pod, see {@link PodProjection#diagnosis}); messages are cut to {@value #MAX_MESSAGE}
 * characters.
 */
public record PodDiagnosis(
    @Nullable String reason,
    @Nullable String message,
    @Nullable String scheduledReason,
    @Nullable String scheduledMessage,
    @Nullable Instant notReadySince,
    @Nullable Instant startedAt,
    List<ContainerState> initContainers,
    List<ContainerState> containers) {

  public static final int MAX_MESSAGE = 1024;

  public PodDiagnosis {
    initContainers = initContainers == null ? List.of() : List.copyOf(initContainers);
    containers = containers == null ? List.of() : List.copyOf(containers);
  }

  /**
   * A container's status: {@code state} is {@code waiting}, {@code running}, {@code terminated} or
   * {@code unknown}, with its reason, message, exit code (terminated) and since when ({@code
   * startedAt} when running, {@code finishedAt} when terminated); {@code last} is its previous
   * termination ({@code lastState.terminated}), if any.
   */
  public record ContainerState(
      String name,
      @Nullable String image,
      boolean ready,
      int restarts,
      String state,
      @Nullable String reason,
      @Nullable String message,
      @Nullable Integer exitCode,
      @Nullable Instant since,
      @Nullable Termination last) {

    public boolean waiting() {
      return "waiting".equals(state);
    }

    public boolean terminated() {
      return "terminated".equals(state);
    }
  }

  /** A container's termination: reason ({@code OOMKilled}, {@code Error}), exit code, message. */
  public record Termination(
      @Nullable String reason,
      int exitCode,
      @Nullable Integer signal,
      @Nullable String message,
      @Nullable Instant startedAt,
      @Nullable Instant finishedAt) {}
}
