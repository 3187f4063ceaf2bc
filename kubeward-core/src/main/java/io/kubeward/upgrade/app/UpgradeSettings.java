package io.kubeward.upgrade.app;

import java.time.Duration;

/**
 * Bounds of the readiness checks (ADR 0055), validated when made.
 *
 * @param certificateWarning a certificate expiring sooner than this is a warning, 1d to 365d
 * @param maxObjectsPerApi objects read per deprecated API to name who uses it, 0 to 10,000
 */
public record UpgradeSettings(Duration certificateWarning, int maxObjectsPerApi) {

  public UpgradeSettings {
    if (certificateWarning == null
        || certificateWarning.compareTo(Duration.ofDays(1)) < 0
        || certificateWarning.compareTo(Duration.ofDays(365)) > 0) {
      throw new IllegalArgumentException(
          "kubeward.upgrade.certificate-warning must be 1d to 365d, not " + certificateWarning);
    }
    if (maxObjectsPerApi < 0 || maxObjectsPerApi > 10_000) {
      throw new IllegalArgumentException(
          "kubeward.upgrade.max-objects-per-api must be 0 to 10000, not " + maxObjectsPerApi);
    }
  }
}
