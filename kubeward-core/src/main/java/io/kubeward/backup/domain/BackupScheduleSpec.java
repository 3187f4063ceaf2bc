package io.kubeward.backup.domain;

import org.jspecify.annotations.Nullable;

/**
 * The {@code spec} of a BackupSchedule (ADR 0041).
 *
 * @param cron a five-field cron expression (minute hour day-of-month month day-of-week), as a
 *     Kubernetes CronJob writes it
 * @param timeZone an IANA time zone ({@code Europe/Berlin}); null: UTC
 * @param template the spec of every Backup it creates
 * @param retention which of its Backups are kept; null: all
 * @param suspend true: no new Backups (retention still prunes)
 */
public record BackupScheduleSpec(
    String cron,
    @Nullable String timeZone,
    @Nullable BackupSpec template,
    @Nullable Retention retention,
    @Nullable Boolean suspend) {

  /**
   * @param count keep at most this many of the schedule's Backups (the newest); null: no limit
   * @param maxAge delete the schedule's Backups older than this ({@code 168h}); null: no limit
   */
  public record Retention(@Nullable Integer count, @Nullable String maxAge) {}

  public boolean suspended() {
    return suspend != null && suspend;
  }

  public BackupSpec templateOrDefault() {
    return template == null ? new BackupSpec(null, null, null) : template;
  }
}
