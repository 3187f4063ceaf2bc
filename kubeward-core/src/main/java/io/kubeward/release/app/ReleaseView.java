package io.kubeward.release.app;

import io.kubeward.release.domain.ReleaseObject;
import io.kubeward.release.domain.ReleasePhase;
import io.kubeward.release.domain.ReleaseReason;
import io.kubeward.release.domain.ReleaseSpec;
import io.kubeward.release.domain.ReleaseStatus;
import io.kubeward.runtime.domain.Condition;
import io.kubeward.runtime.domain.Conditions;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A Release as the API, the CLI and the console show it: a summary (strategy, phase, step i/n,
 * weight, analysis, the controller's verdict) plus spec and status as stored.
 */
public record ReleaseView(
    String namespace,
    String name,
    @Nullable String resourceVersion,
    @Nullable Instant createdAt,
    @Nullable String deployment,
    String strategy,
    ReleasePhase phase,
    int currentStep,
    int steps,
    int canaryWeight,
    @Nullable String analysis,
    boolean accepted,
    @Nullable String reason,
    @Nullable String message,
    @Nullable ReleaseSpec spec,
    ReleaseStatus status) {

  public static ReleaseView of(ReleaseObject o) {
    ReleaseSpec spec = o.spec();
    String strategy = "unknown";
    int steps = 0;
    if (spec != null && spec.strategy() != null) {
      if (spec.strategy().canary() != null) {
        strategy = "canary";
        steps = spec.strategy().canary().stepsOrEmpty().size();
      } else if (spec.strategy().blueGreen() != null) {
        strategy = "blueGreen";
        steps = 3;
      }
    }
    ReleaseStatus s = o.status();
    Condition accepted = Conditions.find(s.conditions(), ReleaseReason.ACCEPTED).orElse(null);
    return new ReleaseView(
        o.namespace(),
        o.name(),
        o.resourceVersion(),
        o.createdAt(),
        spec == null ? null : spec.deployment(),
        strategy,
        s.phaseOr(),
        s.step(),
        steps,
        s.weight(),
        s.analysis() == null ? null : s.analysis().phase().name(),
        accepted != null && accepted.holds(),
        s.abort() != null ? s.abort().reason() : accepted == null ? null : accepted.reason(),
        s.message() != null ? s.message() : accepted == null ? null : accepted.message(),
        spec,
        s);
  }
}
