package io.kubeward.backup.domain;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A BackupSchedule as read from a cluster; {@code rawSpec} as read, for the identity stamp. */
public record BackupScheduleObject(
    String namespace,
    String name,
    @Nullable String uid,
    @Nullable String resourceVersion,
    long generation,
    @Nullable Instant createdAt,
    Map<String, String> annotations,
    @Nullable BackupScheduleSpec spec,
    @Nullable Object rawSpec,
    BackupScheduleStatus status) {

  public BackupScheduleObject {
    annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
    status = status == null ? BackupScheduleStatus.EMPTY : status;
  }
}
