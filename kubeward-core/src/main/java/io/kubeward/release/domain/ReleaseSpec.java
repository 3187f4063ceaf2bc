package io.kubeward.release.domain;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code spec} of a Release ({@code kubeward.io/v1alpha1}, ADR 0035): the Deployment it changes,
 * the new version and exactly one strategy. Everything is as written by a user; {@code
 * ReleaseValidation} (release.app) decides whether it is usable.
 */
public record ReleaseSpec(
    @Nullable String deployment,
    @Nullable ReleaseVersion version,
    @Nullable Boolean paused,
    @Nullable String progressDeadline,
    @Nullable ReleaseStrategy strategy) {

  /** The new version: images per container name and/or a strategic merge patch of the template. */
  public record ReleaseVersion(
      @Nullable Map<String, String> images, @Nullable Map<String, Object> podTemplatePatch) {}

  /** Exactly one of canary and blue-green. */
  public record ReleaseStrategy(
      @Nullable CanaryStrategy canary, @Nullable BlueGreenStrategy blueGreen) {}

  public record CanaryStrategy(
      @Nullable String stableService,
      @Nullable String canaryService,
      @Nullable String maxSurge,
      @Nullable String maxUnavailable,
      @Nullable TrafficRouting trafficRouting,
      @Nullable List<CanaryStep> steps,
      @Nullable ReleaseBackgroundAnalysis analysis) {

    public List<CanaryStep> stepsOrEmpty() {
      return steps == null ? List.of() : steps;
    }

    public TrafficRouting routing() {
      return trafficRouting == null ? TrafficRouting.REPLICA_RATIO : trafficRouting;
    }
  }

  /** One canary step: exactly one of its fields. */
  public record CanaryStep(
      @Nullable Integer setWeight,
      @Nullable PauseStep pause,
      @Nullable AnalysisStep analysis,
      @Nullable HeaderRouteStep setHeaderRoute) {

    /** The step's kind, as used in Events and the console. */
    public String kind() {
      if (setWeight != null) {
        return "setWeight";
      }
      if (pause != null) {
        return "pause";
      }
      if (analysis != null) {
        return "analysis";
      }
      if (setHeaderRoute != null) {
        return "setHeaderRoute";
      }
      return "empty";
    }
  }

  /** {@code duration} (Go duration) or none = until promoted. */
  public record PauseStep(@Nullable String duration) {}

  public record AnalysisStep(@Nullable List<AnalysisCheck> checks) {}

  public record HeaderRouteStep(@Nullable List<RouteMatch> match) {}

  /** Background analysis while the canary runs, from {@code startingStep} on. */
  public record ReleaseBackgroundAnalysis(
      @Nullable Integer startingStep, @Nullable List<AnalysisCheck> checks) {}

  public record BlueGreenStrategy(
      @Nullable String activeService,
      @Nullable String previewService,
      @Nullable Boolean autoPromotion,
      @Nullable String autoPromotionDelay,
      @Nullable String scaleDownDelay,
      @Nullable AnalysisStep prePromotionAnalysis) {}

  public boolean pausedOrFalse() {
    return Boolean.TRUE.equals(paused);
  }
}
