package io.kubeward.release.domain;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One check of a Release's analysis ({@code spec.analysis.checks[]} and the {@code analysis} step's
 * {@code checks[]}), as written in the CRD. Exactly one of {@code promql} and {@code signal}.
 * Durations are Go durations. Absent numbers take the analysis part's defaults (documented in ADR
 * 0037): interval 30s, count 1 in a step (0 = until the Release ends, for background analysis),
 * failureLimit 0, inconclusiveLimit 0, consecutiveErrorLimit 4, initialDelay 0s.
 */
public record AnalysisCheck(
    String name,
    @Nullable String interval,
    @Nullable Integer count,
    @Nullable Integer failureLimit,
    @Nullable Integer inconclusiveLimit,
    @Nullable Integer consecutiveErrorLimit,
    @Nullable String initialDelay,
    @Nullable PromqlCheck promql,
    @Nullable SignalCheck signal) {

  /**
   * An instant PromQL query against the cluster's configured Prometheus. The query may use {@code
   * {{namespace}}}, {@code {{release}}}, {@code {{canaryPods}}} and {@code {{stablePods}}} (regexes
   * of pod names, for {@code pod=~"..."}). Conditions are {@code <op> <number>} with op one of
   * {@code < <= > >= == !=}; every series of the result must meet {@code successCondition}; a
   * series meeting {@code failureCondition} fails the measurement; with a {@code failureCondition}
   * a value meeting neither is inconclusive, without one any value not successful fails; an empty
   * result or NaN is inconclusive.
   */
  public record PromqlCheck(
      String query, String successCondition, @Nullable String failureCondition) {}

  /**
   * A built-in signal on the new version's pods since the analysis started: {@code restarts}
   * (container restarts), {@code readinessFailures} (pods not ready after their start grace),
   * {@code warningEvents} (Warning events involving them), {@code findings} (diagnostics findings
   * on them, of {@code severities}, default critical+warning). A measurement fails when the count
   * is above {@code max} (default 0).
   */
  public record SignalCheck(
      String type, @Nullable Integer max, @Nullable List<String> severities) {}
}
