package io.kubeward.backup.app;

import io.kubeward.backup.domain.BackupScheduleObject;
import io.kubeward.backup.domain.BackupScheduleSpec;
import io.kubeward.runtime.domain.Condition;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A BackupSchedule as the API, the console and the CLI show it. */
public record BackupScheduleView(
    String namespace,
    String name,
    @Nullable Instant createdAt,
    @Nullable String actingFor,
    @Nullable BackupScheduleSpec spec,
    List<Condition> conditions,
    @Nullable Instant lastScheduleTime,
    @Nullable String lastBackup,
    @Nullable Instant nextScheduleTime) {

  public static BackupScheduleView of(BackupScheduleObject s, @Nullable String actingFor) {
    return new BackupScheduleView(
        s.namespace(),
        s.name(),
        s.createdAt(),
        actingFor,
        s.spec(),
        s.status().conditions(),
        s.status().lastScheduleTime(),
        s.status().lastBackup(),
        s.status().nextScheduleTime());
  }
}
