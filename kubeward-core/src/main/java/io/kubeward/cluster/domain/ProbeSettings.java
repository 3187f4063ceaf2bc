package io.kubeward.cluster.domain;

import java.time.Duration;
import java.util.Locale;

/**
 * How often and how patiently Kubeward checks that a cluster's API answers.
 *
 * @param interval time between two probes; from 1 second to 1 hour (default 10s)
 * @param timeout how long one probe may take before the cluster counts as unreachable; more than
 *     zero and at most the interval (default 5s)
 */
public record ProbeSettings(Duration interval, Duration timeout) {

  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(10);
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration MIN_INTERVAL = Duration.ofSeconds(1);
  private static final Duration MAX_INTERVAL = Duration.ofHours(1);

  public ProbeSettings {
    if (interval == null) {
      interval = DEFAULT_INTERVAL;
    }
    if (timeout == null) {
      timeout = interval.compareTo(DEFAULT_TIMEOUT) < 0 ? interval : DEFAULT_TIMEOUT;
    }
    if (interval.compareTo(MIN_INTERVAL) < 0 || interval.compareTo(MAX_INTERVAL) > 0) {
      throw new IllegalArgumentException(
          "probe interval must be between 1s and 1h, but was " + format(interval));
    }
    if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(interval) > 0) {
      throw new IllegalArgumentException(
          "probe timeout must be more than 0s and at most the interval ("
              + format(interval)
              + "), but was "
              + format(timeout));
    }
  }

  public static ProbeSettings defaults() {
    return new ProbeSettings(DEFAULT_INTERVAL, DEFAULT_TIMEOUT);
  }

  private static String format(Duration duration) {
    return duration.toString().substring(2).toLowerCase(Locale.ROOT);
  }
}
