package io.kubeward.release.domain;

import java.util.List;

/**
 * What a canary's steps say at a step index, derived only from the spec (so a restarted controller
 * derives the same): the A/B header route in force (the last {@code setHeaderRoute} before the
 * step) and the weight reached (the last {@code setWeight} before it).
 */
public final class CanarySteps {

  private CanarySteps() {}

  public static List<RouteMatch> headerRouteBefore(List<ReleaseSpec.CanaryStep> steps, int index) {
    for (int i = Math.min(index, steps.size()) - 1; i >= 0; i--) {
      ReleaseSpec.CanaryStep s = steps.get(i);
      if (s.setHeaderRoute() != null && s.setHeaderRoute().match() != null) {
        return s.setHeaderRoute().match();
      }
    }
    return List.of();
  }

  public static int weightBefore(List<ReleaseSpec.CanaryStep> steps, int index) {
    for (int i = Math.min(index, steps.size()) - 1; i >= 0; i--) {
      if (steps.get(i).setWeight() != null) {
        return steps.get(i).setWeight();
      }
    }
    return 0;
  }

  /** The step a promotion moves to: the next one, or all of them with {@code full}. */
  public static int promotedStep(int current, int count, boolean full) {
    return full ? count : Math.min(current + 1, count);
  }
}
