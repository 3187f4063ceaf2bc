package io.kubeward.backup.app;

import io.kubeward.backup.domain.ArchiveInfo;
import io.kubeward.backup.domain.BackupObject;
import io.kubeward.backup.domain.BackupPhase;
import io.kubeward.backup.domain.BackupProgress;
import io.kubeward.backup.domain.BackupSpec;
import io.kubeward.backup.domain.ObjectFailure;
import io.kubeward.runtime.domain.Condition;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A Backup as the API, the console and the CLI show it.
 *
 * @param actingFor the Kubernetes user the Backup acts for (its verified stamp), null when none
 * @param schedule the BackupSchedule that created it, null when made by hand
 */
public record BackupView(
    String namespace,
    String name,
    @Nullable Instant createdAt,
    @Nullable String actingFor,
    @Nullable String schedule,
    @Nullable BackupSpec spec,
    BackupPhase phase,
    List<Condition> conditions,
    BackupProgress progress,
    Map<String, Integer> countsByKind,
    List<ObjectFailure> failures,
    long failureCount,
    List<ObjectFailure> skipped,
    @Nullable ArchiveInfo archive,
    @Nullable Instant startedAt,
    @Nullable Instant completedAt,
    @Nullable Instant expiresAt,
    @Nullable String message) {

  public static BackupView of(BackupObject b, @Nullable String actingFor) {
    var s = b.status();
    return new BackupView(
        b.namespace(),
        b.name(),
        b.createdAt(),
        actingFor,
        b.labels().get(io.kubeward.backup.domain.BackupLabels.SCHEDULE),
        b.spec(),
        s.phaseOrNew(),
        s.conditions(),
        s.progress() == null ? BackupProgress.NONE : s.progress(),
        s.countsByKind(),
        s.failures(),
        s.failureCount(),
        s.skipped(),
        s.archive(),
        s.startedAt(),
        s.completedAt(),
        s.expiresAt(),
        s.message());
  }

  public boolean finished() {
    return phase.finished();
  }
}
