package io.kubeward.backup.domain;

/** Labels and annotations Kubeward writes on Backups. */
public final class BackupLabels {

  /** The BackupSchedule that created a Backup. */
  public static final String SCHEDULE = "kubeward.io/backup-schedule";

  /** On a schedule's Backups: the cron time it was created for (retention by age uses it). */
  public static final String SCHEDULED_AT = "kubeward.io/scheduled-at";

  private BackupLabels() {}
}
