package io.kubeward.backup.reconcile;

import java.time.Duration;

/**
 * The Backup controllers' settings ({@code kubeward.backups.controller.*}, {@code
 * kubeward.backups.schedule.*}).
 *
 * @param progressInterval the shortest time between two progress writes to a Backup's status
 * @param scheduleResync the longest a schedule waits before it looks at its clock again
 */
public record BackupSettings(Duration progressInterval, Duration scheduleResync) {

  public static final BackupSettings DEFAULTS =
      new BackupSettings(Duration.ofSeconds(1), Duration.ofMinutes(1));
}
