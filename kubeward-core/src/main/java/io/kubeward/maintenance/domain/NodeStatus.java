package io.kubeward.maintenance.domain;

import io.kubeward.drain.domain.DrainProgress;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One node's entry in a maintenance's status.
 *
 * @param startedAt when the current step was recorded (timeouts and Wait are measured from it)
 * @param finishedAt when the node reached Done, Failed or Skipped
 * @param cordonedByUs whether this maintenance made the node unschedulable (only then it is made
 *     schedulable again)
 * @param drain the drain's progress, pod by pod (from the Draining step on)
 */
public record NodeStatus(
    String name,
    NodeStep step,
    @Nullable Instant startedAt,
    @Nullable Instant finishedAt,
    @Nullable String message,
    @Nullable Boolean cordonedByUs,
    @Nullable DrainProgress drain) {

  public static NodeStatus pending(String name) {
    return new NodeStatus(name, NodeStep.Pending, null, null, null, null, null);
  }

  public boolean cordonedByThisMaintenance() {
    return Boolean.TRUE.equals(cordonedByUs);
  }

  /** This entry moved to {@code next}, started at {@code now}. */
  public NodeStatus enter(NodeStep next, Instant now, String why) {
    return new NodeStatus(name, next, now, next.finished() ? now : null, why, cordonedByUs, drain);
  }

  public NodeStatus withMessage(String text) {
    return new NodeStatus(name, step, startedAt, finishedAt, text, cordonedByUs, drain);
  }

  public NodeStatus withCordonedByUs(boolean ours) {
    return new NodeStatus(name, step, startedAt, finishedAt, message, ours, drain);
  }

  public NodeStatus withDrain(DrainProgress progress) {
    return new NodeStatus(name, step, startedAt, finishedAt, message, cordonedByUs, progress);
  }
}
