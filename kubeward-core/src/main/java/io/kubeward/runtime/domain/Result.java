package io.kubeward.runtime.domain;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What a reconcile asks for: nothing more until the object changes ({@link #done()}), or another
 * pass after a delay at the latest ({@link #requeueAfter}). A change of the object always queues it
 * again, whatever the result.
 */
public record Result(Duration requeueAfter) {

  private static final Result DONE = new Result(null);

  public Result {
    if (requeueAfter != null && requeueAfter.isNegative()) {
      requeueAfter = Duration.ZERO;
    }
  }

  public static Result done() {
    return DONE;
  }

  public static Result requeueAfter(Duration delay) {
    return new Result(Objects.requireNonNull(delay, "delay"));
  }

  /** Another pass at once (e.g. after writing a step to status). */
  public static Result now() {
    return new Result(Duration.ZERO);
  }

  public static Result of(Optional<Duration> again) {
    return again.map(Result::requeueAfter).orElse(DONE);
  }

  public Optional<Duration> again() {
    return Optional.ofNullable(requeueAfter);
  }

  public boolean isDone() {
    return requeueAfter == null;
  }
}
