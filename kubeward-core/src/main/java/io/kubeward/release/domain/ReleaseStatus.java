package io.kubeward.release.domain;

import io.kubeward.runtime.domain.Condition;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code status} of a Release: the controller's write-ahead log. Every action the controller takes
 * is derivable from the spec, this status and the cluster's objects, so a restarted (or another)
 * controller resumes at {@link #currentStep} instead of repeating or forgetting anything.
 *
 * @param totalReplicas the target Deployment's replicas when the Release started (what 100 % is)
 * @param stableHash the stable pods' {@code pod-template-hash} at start
 * @param handled per request kind ({@code promote}, {@code abort}, {@code retry}) the token of the
 *     last request annotation acted on, so that no request is acted on twice
 * @param switchedAt blue-green: when the active Service was switched to the new pods
 */
public record ReleaseStatus(
    @Nullable Long observedGeneration,
    @Nullable ReleasePhase phase,
    @Nullable Integer currentStep,
    @Nullable Instant startedAt,
    @Nullable Instant stepStartedAt,
    @Nullable Integer canaryWeight,
    @Nullable Integer totalReplicas,
    @Nullable String stableHash,
    @Nullable String canaryHash,
    @Nullable ReleaseAbort abort,
    @Nullable AnalysisProgress analysis,
    @Nullable AnalysisProgress backgroundAnalysis,
    @Nullable List<RouterPresence> routers,
    @Nullable Map<String, String> handled,
    @Nullable Instant switchedAt,
    @Nullable String message,
    @Nullable List<Condition> conditions) {

  public static final ReleaseStatus EMPTY =
      new ReleaseStatus(
          null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
          null, null);

  /** Why a Release was aborted. */
  public record ReleaseAbort(String reason, @Nullable String message, Instant at) {}

  public ReleaseStatus {
    conditions = conditions == null ? List.of() : List.copyOf(conditions);
    handled = handled == null ? Map.of() : Map.copyOf(handled);
  }

  public int step() {
    return currentStep == null ? 0 : currentStep;
  }

  public int weight() {
    return canaryWeight == null ? 0 : canaryWeight;
  }

  public ReleasePhase phaseOr() {
    return phase == null ? ReleasePhase.Pending : phase;
  }

  /** Whether the Release has recorded its start (total replicas and stable hash). */
  public boolean started() {
    return totalReplicas != null && stableHash != null;
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Copies with changes, for the controller's small steps. */
  public static final class Builder {
    private @Nullable Long observedGeneration;
    private @Nullable ReleasePhase phase;
    private @Nullable Integer currentStep;
    private @Nullable Instant startedAt;
    private @Nullable Instant stepStartedAt;
    private @Nullable Integer canaryWeight;
    private @Nullable Integer totalReplicas;
    private @Nullable String stableHash;
    private @Nullable String canaryHash;
    private @Nullable ReleaseAbort abort;
    private @Nullable AnalysisProgress analysis;
    private @Nullable AnalysisProgress backgroundAnalysis;
    private @Nullable List<RouterPresence> routers;
    private Map<String, String> handled;
    private @Nullable Instant switchedAt;
    private @Nullable String message;
    private List<Condition> conditions;

    private Builder(ReleaseStatus s) {
      observedGeneration = s.observedGeneration;
      phase = s.phase;
      currentStep = s.currentStep;
      startedAt = s.startedAt;
      stepStartedAt = s.stepStartedAt;
      canaryWeight = s.canaryWeight;
      totalReplicas = s.totalReplicas;
      stableHash = s.stableHash;
      canaryHash = s.canaryHash;
      abort = s.abort;
      analysis = s.analysis;
      backgroundAnalysis = s.backgroundAnalysis;
      routers = s.routers;
      handled = s.handled;
      switchedAt = s.switchedAt;
      message = s.message;
      conditions = s.conditions;
    }

    public Builder observedGeneration(@Nullable Long v) {
      observedGeneration = v;
      return this;
    }

    public Builder phase(@Nullable ReleasePhase v) {
      phase = v;
      return this;
    }

    public Builder currentStep(@Nullable Integer v) {
      currentStep = v;
      return this;
    }

    public Builder startedAt(@Nullable Instant v) {
      startedAt = v;
      return this;
    }

    public Builder stepStartedAt(@Nullable Instant v) {
      stepStartedAt = v;
      return this;
    }

    public Builder canaryWeight(@Nullable Integer v) {
      canaryWeight = v;
      return this;
    }

    public Builder totalReplicas(@Nullable Integer v) {
      totalReplicas = v;
      return this;
    }

    public Builder stableHash(@Nullable String v) {
      stableHash = v;
      return this;
    }

    public Builder canaryHash(@Nullable String v) {
      canaryHash = v;
      return this;
    }

    public Builder abort(@Nullable ReleaseAbort v) {
      abort = v;
      return this;
    }

    public Builder analysis(@Nullable AnalysisProgress v) {
      analysis = v;
      return this;
    }

    public Builder backgroundAnalysis(@Nullable AnalysisProgress v) {
      backgroundAnalysis = v;
      return this;
    }

    public Builder routers(@Nullable List<RouterPresence> v) {
      routers = v;
      return this;
    }

    public Builder handled(String request, String token) {
      Map<String, String> next = new java.util.TreeMap<>(handled);
      next.put(request, token);
      handled = next;
      return this;
    }

    public Builder switchedAt(@Nullable Instant v) {
      switchedAt = v;
      return this;
    }

    public Builder message(@Nullable String v) {
      message = v;
      return this;
    }

    public Builder conditions(List<Condition> v) {
      conditions = v;
      return this;
    }

    public ReleaseStatus build() {
      return new ReleaseStatus(
          observedGeneration,
          phase,
          currentStep,
          startedAt,
          stepStartedAt,
          canaryWeight,
          totalReplicas,
          stableHash,
          canaryHash,
          abort,
          analysis,
          backgroundAnalysis,
          routers,
          handled,
          switchedAt,
          message,
          conditions);
    }
  }
}
