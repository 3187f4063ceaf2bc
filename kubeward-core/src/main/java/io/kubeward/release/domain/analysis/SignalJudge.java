package io.kubeward.release.domain.analysis;

import io.kubeward.release.domain.MeasurementPhase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Judges a built-in signal over the facts of the new version's pods: counts {@code restarts}
 * (container restarts of the current pods), {@code readinessFailures} (pods not ready once their
 * start grace is over), {@code warningEvents} (Warning events involving them last seen since the
 * analysis started) or {@code findings} (active findings of the chosen severities) and fails the
 * measurement when the count is above {@code max}. Without a pod of the new version nothing can be
 * judged: inconclusive.
 */
public final class SignalJudge {

  private SignalJudge() {}

  public static PromqlJudge.Verdict judge(
      ResolvedCheck.Signal signal,
      SignalFacts facts,
      Instant startedAt,
      Instant now,
      Duration readinessGrace) {
    if (facts.pods().isEmpty()) {
      return new PromqlJudge.Verdict(
          MeasurementPhase.INCONCLUSIVE, null, "the new version has no pods to judge yet");
    }
    Map<String, Integer> perPod = new TreeMap<>();
    String what;
    switch (signal.type()) {
      case RESTARTS -> {
        facts.pods().stream()
            .filter(p -> p.restarts() > 0)
            .forEach(p -> perPod.merge(p.name(), p.restarts(), Integer::sum));
        what = "container restarts";
      }
      case READINESS_FAILURES -> {
        facts.pods().stream()
            .filter(
                p ->
                    !p.ready()
                        && (p.createdAt() == null
                            || !p.createdAt().plus(readinessGrace).isAfter(now)))
            .forEach(p -> perPod.put(p.name(), 1));
        what = "pods not ready after " + readinessGrace.toSeconds() + "s";
      }
      case WARNING_EVENTS -> {
        facts.warnings().stream()
            .filter(e -> e.lastSeen() == null || !e.lastSeen().isBefore(startedAt))
            .forEach(e -> perPod.merge(e.pod(), 1, Integer::sum));
        what = "Warning events";
      }
      case FINDINGS -> {
        if (!facts.findingsEvaluated()) {
          return new PromqlJudge.Verdict(
              MeasurementPhase.ERROR, null, "diagnostics have not evaluated the cluster yet");
        }
        facts.findings().stream()
            .filter(f -> signal.severities().contains(f.severity()))
            .forEach(f -> perPod.merge(f.pod(), 1, Integer::sum));
        what =
            "findings ("
                + String.join(", ", new java.util.TreeSet<>(signal.severities()))
                    .toLowerCase(java.util.Locale.ROOT)
                + ")";
      }
      default -> throw new IllegalStateException(signal.type().toString());
    }
    int total = perPod.values().stream().mapToInt(Integer::intValue).sum();
    List<String> parts = new ArrayList<>();
    perPod.entrySet().stream()
        .limit(PromqlJudge.MAX_SHOWN)
        .forEach(e -> parts.add(e.getKey() + " (" + e.getValue() + ")"));
    String where = parts.isEmpty() ? "" : ": " + String.join(", ", parts);
    String message =
        total
            + " "
            + what
            + " on "
            + facts.pods().size()
            + " new pods (max "
            + signal.max()
            + ")"
            + where;
    return new PromqlJudge.Verdict(
        total > signal.max() ? MeasurementPhase.FAILED : MeasurementPhase.SUCCESSFUL,
        Integer.toString(total),
        message);
  }
}
