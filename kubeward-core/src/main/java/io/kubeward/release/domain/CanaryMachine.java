package io.kubeward.release.domain;

import io.kubeward.maintenance.domain.GoDuration;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The canary's step machine, pure: given the strategy, the recorded status, what the cluster shows
 * (ready canary pods) and the time, the one next action. The controller performs it (idempotent
 * effects, status written first) and asks again; so the same inputs after a restart give the same
 * action, and nothing is done twice.
 */
public final class CanaryMachine {

  private CanaryMachine() {}

  /** What the cluster shows that the decision needs. */
  public record Observed(int canaryReady) {}

  /** The next action of a canary. */
  public sealed interface Action {}

  /** Every step is done: promote the target to the new version. */
  public record Promote() implements Action {}

  /** A {@code setWeight} step starts: record the weight (the canary is scaled from it). */
  public record RecordWeight(int weight) implements Action {}

  /** The step's canary pods are not all ready; {@code exceeded} once past the progress deadline. */
  public record WaitForPods(int ready, int wanted, Instant deadline, boolean exceeded)
      implements Action {}

  /** The canary pods of the weight are ready: shift the traffic, then the next step. */
  public record ShiftAndAdvance(int weight, ReplicaPlan plan) implements Action {}

  /** A {@code pause: {}} step: paused until a person promotes. */
  public record PauseUntilPromoted() implements Action {}

  /** A timed pause that is not over. */
  public record PauseUntil(Instant end) implements Action {}

  /** The step is over (a pause ran out, an analysis passed, a header route was set). */
  public record Advance(ReleaseReason reason, String message) implements Action {}

  /** An analysis step: take the measurements due, starting from {@code previous}. */
  public record Analyse(List<AnalysisCheck> checks, AnalysisProgress previous) implements Action {}

  /** An analysis ended inconclusive: wait for a person (promote or abort). */
  public record Hold() implements Action {}

  public static Action next(
      ReleaseSpec.CanaryStrategy canary,
      ReleaseStatus status,
      Observed observed,
      Duration progressDeadline,
      Instant now) {
    List<ReleaseSpec.CanaryStep> steps = canary.stepsOrEmpty();
    if (status.step() >= steps.size()) {
      return new Promote();
    }
    Instant since = status.stepStartedAt() == null ? now : status.stepStartedAt();
    ReleaseSpec.CanaryStep step = steps.get(status.step());
    if (step.setWeight() != null) {
      int weight = step.setWeight();
      if (status.weight() != weight) {
        return new RecordWeight(weight);
      }
      ReplicaPlan plan =
          ReplicaPlan.of(status.totalReplicas() == null ? 0 : status.totalReplicas(), weight);
      if (observed.canaryReady() < plan.canary()) {
        Instant deadline = since.plus(progressDeadline);
        return new WaitForPods(
            observed.canaryReady(), plan.canary(), deadline, now.isAfter(deadline));
      }
      return new ShiftAndAdvance(weight, plan);
    }
    if (step.pause() != null) {
      if (step.pause().duration() == null) {
        return new PauseUntilPromoted();
      }
      Instant end = since.plus(pauseOf(step.pause().duration()));
      return now.isBefore(end)
          ? new PauseUntil(end)
          : new Advance(ReleaseReason.StepStarted, "pause of " + step.pause().duration() + " over");
    }
    if (step.analysis() != null) {
      AnalysisProgress previous = status.analysis();
      if (previous == null || previous.startedAt().isBefore(since)) {
        previous = AnalysisProgress.start(now);
      }
      return switch (previous.phase()) {
        case SUCCESSFUL -> new Advance(ReleaseReason.AnalysisSuccessful, "analysis passed");
        case INCONCLUSIVE -> new Hold();
        default ->
            new Analyse(
                step.analysis().checks() == null ? List.of() : step.analysis().checks(), previous);
      };
    }
    return new Advance(ReleaseReason.HeaderRouteSet, "header route set");
  }

  private static Duration pauseOf(@Nullable String text) {
    return GoDuration.parseOr(text, Duration.ZERO);
  }
}
