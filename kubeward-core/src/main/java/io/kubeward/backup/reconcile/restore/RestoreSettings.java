package io.kubeward.backup.reconcile.restore;

import java.time.Duration;

/**
 * How the Restore controller works ({@code kubeward.backups.restore.*}).
 *
 * @param parallelism objects of one stage restored at once (1–64)
 * @param crdDeadline how long restored CRDs may take to become Established
 * @param progressInterval the least time between two progress writes to status
 */
public record RestoreSettings(int parallelism, Duration crdDeadline, Duration progressInterval) {

  public static final RestoreSettings DEFAULTS =
      new RestoreSettings(8, Duration.ofMinutes(2), Duration.ofSeconds(1));

  public RestoreSettings {
    if (parallelism < 1 || parallelism > 64) {
      throw new IllegalArgumentException("parallelism must lie between 1 and 64: " + parallelism);
    }
  }
}
