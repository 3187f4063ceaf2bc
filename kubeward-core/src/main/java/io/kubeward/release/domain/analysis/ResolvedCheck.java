package io.kubeward.release.domain.analysis;

import java.time.Duration;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A valid check with its defaults applied ({@link AnalysisValidation#resolve}): exactly one of
 * {@code promql} and {@code signal}.
 *
 * @param count measurements to take; 0 = until the Release ends (background analysis)
 */
public record ResolvedCheck(
    String name,
    Duration interval,
    int count,
    int failureLimit,
    int inconclusiveLimit,
    int consecutiveErrorLimit,
    Duration initialDelay,
    @Nullable Promql promql,
    @Nullable Signal signal) {

  /** A PromQL check: the query (not yet templated) and its conditions. */
  public record Promql(String query, Condition success, @Nullable Condition failure) {}

  /**
   * A signal check: fails when the count is above {@code max}; {@code severities} the findings'
   * severities (upper-case diagnostics severities) for {@link SignalType#FINDINGS}.
   */
  public record Signal(SignalType type, int max, Set<String> severities) {
    public Signal {
      severities = Set.copyOf(severities);
    }
  }
}
