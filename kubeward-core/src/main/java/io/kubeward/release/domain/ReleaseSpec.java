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
    @Nullable Version version,
    @Nullable Boolean paused,
    @Nullable String progressDeadline,
    @Nullable Strategy strategy) {

  /** The new version: images per container name and/or a strategic merge patch of the template. */
  public record Version(
      @Nullable Map<String, String> images, @Nullable Map<String, Object> podTemplatePatch) {}

  /** Exactly one of canary and blue-green. */
  public record Strategy(@Nullable Canary canary, @Nullable BlueGreen blueGreen) {}

  public record Canary(
      @Nullable String stableService,
      @Nullable String canaryService,
      @Nullable String maxSurge,
      @Nullable String maxUnavailable,
      @Nullable TrafficRouting trafficRouting,
      @Nullable List<Step> steps,
      @Nullable BackgroundAnalysis analysis) {

    public List<Step> stepsOrEmpty() {
      return steps == null ? List.of() : steps;
    }

    public TrafficRouting routing() {
      return trafficRouting == null ? TrafficRouting.REPLICA_RATIO : trafficRouting;
    }
  }

  /** One canary step: exactly one of its fields. */
  public record Step(
      @Nullable Integer setWeight,
      @Nullable Pause pause,
      @Nullable StepAnalysis analysis,
      @Nullable HeaderRoute setHeaderRoute) {

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
  public record Pause(@Nullable String duration) {}

  public record StepAnalysis(@Nullable List<AnalysisCheck> checks) {}

  public record HeaderRoute(@Nullable List<RouteMatch> match) {}

  /** Background analysis while the canary runs, from {@code startingStep} on. */
  public record BackgroundAnalysis(
      @Nullable Integer startingStep, @Nullable List<AnalysisCheck> checks) {}

  public record BlueGreen(
      @Nullable String activeService,
      @Nullable String previewService,
      @Nullable Boolean autoPromotion,
      @Nullable String autoPromotionDelay,
      @Nullable String scaleDownDelay,
      @Nullable StepAnalysis prePromotionAnalysis) {}

  public boolean pausedOrFalse() {
    return Boolean.TRUE.equals(paused);
  }
}
