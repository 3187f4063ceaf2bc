package io.kubeward.diagnostics.domain;

import java.time.Duration;

/**
 * Thresholds of the rules, typed and validated in the server's {@code kubeward.diagnostics.*}
 * configuration. A rule that needs a new threshold adds a component here with its default in {@link
 * #DEFAULTS}.
 *
 * @param readinessGrace how long a running pod may stay unready before {@code pod.not-ready}
 * @param pendingGrace how long a pod may stay Pending (scheduled or not, without another finding)
 *     before {@code pod.pending-long}
 * @param restartWindow the window over which {@code pod.restarts-high} reads the restarts
 * @param restartThreshold restarts within that window that make {@code pod.restarts-high}
 */
public record RuleSettings(
    Duration readinessGrace, Duration pendingGrace, Duration restartWindow, int restartThreshold) {

  public static final RuleSettings DEFAULTS =
      new RuleSettings(Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofHours(1), 5);

  public RuleSettings {
    if (readinessGrace.isNegative() || pendingGrace.isNegative() || restartWindow.isNegative()) {
      throw new IllegalArgumentException("durations must not be negative");
    }
    if (restartThreshold < 1) {
      throw new IllegalArgumentException("restartThreshold must be at least 1");
    }
  }
}
