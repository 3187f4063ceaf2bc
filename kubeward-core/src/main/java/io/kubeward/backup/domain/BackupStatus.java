package io.kubeward.backup.domain;

import io.kubeward.runtime.domain.Condition;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The {@code status} of a Backup (ADR 0041), written by the Backup controller only.
 *
 * @param countsByKind objects archived per kind ({@code Deployment.apps}, {@code ConfigMap})
 * @param failures the first {@link #MAX_FAILURES} failures, per object or per kind
 * @param failureCount all failures, also those beyond the list
 * @param skipped kinds the scope did not name and the identity may not list (at most {@link
 *     #MAX_FAILURES}): left out, as {@code kubectl get} would, not failures
 * @param attempt how many times collection started (a restart redoes it)
 */
public record BackupStatus(
    @Nullable BackupPhase phase,
    @Nullable Long observedGeneration,
    List<Condition> conditions,
    @Nullable BackupProgress progress,
    Map<String, Integer> countsByKind,
    List<ObjectFailure> failures,
    long failureCount,
    List<ObjectFailure> skipped,
    @Nullable ArchiveInfo archive,
    @Nullable Instant startedAt,
    @Nullable Instant completedAt,
    @Nullable Instant expiresAt,
    int attempt,
    @Nullable String message) {

  /** Failures kept in the status; the archive's manifest has all of them. */
  public static final int MAX_FAILURES = 100;

  public static final BackupStatus EMPTY =
      new BackupStatus(
          null, null, List.of(), null, Map.of(), List.of(), 0, List.of(), null, null, null, null, 0,
          null);

  public BackupStatus {
    conditions = conditions == null ? List.of() : List.copyOf(conditions);
    countsByKind = countsByKind == null ? Map.of() : Map.copyOf(countsByKind);
    failures = failures == null ? List.of() : List.copyOf(failures);
    skipped = skipped == null ? List.of() : List.copyOf(skipped);
  }

  public BackupPhase phaseOrNew() {
    return phase == null ? BackupPhase.New : phase;
  }

  public BackupStatus withPhase(BackupPhase p) {
    return new BackupStatus(
        p,
        observedGeneration,
        conditions,
        progress,
        countsByKind,
        failures,
        failureCount,
        skipped,
        archive,
        startedAt,
        completedAt,
        expiresAt,
        attempt,
        message);
  }

  public BackupStatus withConditions(List<Condition> c) {
    return new BackupStatus(
        phase,
        observedGeneration,
        c,
        progress,
        countsByKind,
        failures,
        failureCount,
        skipped,
        archive,
        startedAt,
        completedAt,
        expiresAt,
        attempt,
        message);
  }

  public BackupStatus withProgress(BackupProgress p) {
    return new BackupStatus(
        phase,
        observedGeneration,
        conditions,
        p,
        countsByKind,
        failures,
        failureCount,
        skipped,
        archive,
        startedAt,
        completedAt,
        expiresAt,
        attempt,
        message);
  }

  public BackupStatus withObservedGeneration(Long g) {
    return new BackupStatus(
        phase,
        g,
        conditions,
        progress,
        countsByKind,
        failures,
        failureCount,
        skipped,
        archive,
        startedAt,
        completedAt,
        expiresAt,
        attempt,
        message);
  }

  public BackupStatus withMessage(@Nullable String m) {
    return new BackupStatus(
        phase,
        observedGeneration,
        conditions,
        progress,
        countsByKind,
        failures,
        failureCount,
        skipped,
        archive,
        startedAt,
        completedAt,
        expiresAt,
        attempt,
        m);
  }

  /** A started collection: counts and failures reset, the attempt counted. */
  public BackupStatus started(Instant now) {
    return new BackupStatus(
        BackupPhase.InProgress,
        observedGeneration,
        conditions,
        BackupProgress.NONE,
        Map.of(),
        List.of(),
        0,
        List.of(),
        null,
        now,
        null,
        null,
        attempt + 1,
        null);
  }

  /** The finished collection. */
  public BackupStatus finished(
      BackupPhase p,
      BackupProgress done,
      Map<String, Integer> counts,
      List<ObjectFailure> allFailures,
      long failureTotal,
      List<ObjectFailure> skippedKinds,
      @Nullable ArchiveInfo written,
      Instant now,
      @Nullable Instant expires,
      @Nullable String m) {
    List<ObjectFailure> kept =
        allFailures.size() > MAX_FAILURES ? allFailures.subList(0, MAX_FAILURES) : allFailures;
    return new BackupStatus(
        p,
        observedGeneration,
        conditions,
        done,
        counts,
        kept,
        failureTotal,
        skippedKinds.size() > MAX_FAILURES ? skippedKinds.subList(0, MAX_FAILURES) : skippedKinds,
        written,
        startedAt,
        now,
        expires,
        attempt,
        m);
  }
}
