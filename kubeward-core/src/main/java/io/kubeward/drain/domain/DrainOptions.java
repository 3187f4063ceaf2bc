package io.kubeward.drain.domain;

import java.time.Duration;

/**
 * How a node is drained, as {@code kubectl drain} takes it.
 *
 * @param force also delete pods that no controller owns (they are lost; recorded in the progress)
 * @param deleteEmptyDirData also evict pods with {@code emptyDir} volumes (their data is lost)
 * @param gracePeriodSeconds the grace period for each eviction or deletion, {@code null} for the
 *     pod's own {@code terminationGracePeriodSeconds}
 * @param timeout how long the whole drain may take before it is {@link DrainState#TIMED_OUT}
 * @param blockedReportAfter how long a pod may be blocked by a disruption budget before the drain
 *     reports {@link DrainState#BLOCKED}
 */
public record DrainOptions(
    boolean force,
    boolean deleteEmptyDirData,
    Integer gracePeriodSeconds,
    Duration timeout,
    Duration blockedReportAfter) {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(30);
  public static final Duration DEFAULT_BLOCKED_REPORT_AFTER = Duration.ofMinutes(5);

  public DrainOptions {
    if (gracePeriodSeconds != null && gracePeriodSeconds < 0) {
      throw new IllegalArgumentException("gracePeriodSeconds must not be negative");
    }
    if (timeout == null) {
      timeout = DEFAULT_TIMEOUT;
    }
    if (blockedReportAfter == null) {
      blockedReportAfter = DEFAULT_BLOCKED_REPORT_AFTER;
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive");
    }
    if (blockedReportAfter.isNegative()) {
      throw new IllegalArgumentException("blockedReportAfter must not be negative");
    }
  }

  /** Neither force nor emptyDir deletion, the pods' own grace periods, 30 min, report after 5. */
  public static DrainOptions defaults() {
    return new DrainOptions(false, false, null, DEFAULT_TIMEOUT, DEFAULT_BLOCKED_REPORT_AFTER);
  }

  public DrainOptions withForce(boolean value) {
    return new DrainOptions(
        value, deleteEmptyDirData, gracePeriodSeconds, timeout, blockedReportAfter);
  }

  public DrainOptions withDeleteEmptyDirData(boolean value) {
    return new DrainOptions(force, value, gracePeriodSeconds, timeout, blockedReportAfter);
  }

  public DrainOptions withGracePeriodSeconds(Integer value) {
    return new DrainOptions(force, deleteEmptyDirData, value, timeout, blockedReportAfter);
  }

  public DrainOptions withTimeout(Duration value) {
    return new DrainOptions(
        force, deleteEmptyDirData, gracePeriodSeconds, value, blockedReportAfter);
  }

  public DrainOptions withBlockedReportAfter(Duration value) {
    return new DrainOptions(force, deleteEmptyDirData, gracePeriodSeconds, timeout, value);
  }
}
