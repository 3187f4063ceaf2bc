package io.kubeward.backup.domain;

import io.kubeward.runtime.domain.Condition;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The {@code status} of a BackupSchedule.
 *
 * @param lastScheduleTime the cron time of the last Backup created (missed times in between are not
 *     made up for: one Backup for all of them)
 * @param lastBackup that Backup's name
 * @param nextScheduleTime the next cron time
 */
public record BackupScheduleStatus(
    @Nullable Long observedGeneration,
    List<Condition> conditions,
    @Nullable Instant lastScheduleTime,
    @Nullable String lastBackup,
    @Nullable Instant nextScheduleTime) {

  public static final BackupScheduleStatus EMPTY =
      new BackupScheduleStatus(null, List.of(), null, null, null);

  public BackupScheduleStatus {
    conditions = conditions == null ? List.of() : List.copyOf(conditions);
  }
}
