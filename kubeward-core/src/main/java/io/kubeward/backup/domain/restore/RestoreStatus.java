package io.kubeward.backup.domain.restore;

import io.kubeward.runtime.domain.Condition;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The {@code status} of a Restore (ADR 0042): the phase, the conditions ({@code Ready}, {@code
 * Succeeded}), the stage being restored, progress (objects done of those selected), counts per
 * outcome (the per-object results are in the results table, paged by the API), the archive's
 * checksum as verified, who the restore acts as, and when it started and finished.
 */
public record RestoreStatus(
    @Nullable RestorePhase phase,
    List<Condition> conditions,
    @Nullable String stage,
    @Nullable Progress progress,
    @Nullable RestoreCounts counts,
    @Nullable String archiveSha256,
    @Nullable String actingAs,
    @Nullable String message,
    @Nullable Instant startedAt,
    @Nullable Instant completedAt,
    @Nullable Long observedGeneration) {

  public static final RestoreStatus EMPTY =
      new RestoreStatus(null, List.of(), null, null, null, null, null, null, null, null, null);

  public RestoreStatus {
    conditions = conditions == null ? List.of() : List.copyOf(conditions);
  }

  /** Objects done of the total selected. */
  public record Progress(long done, long total) {}

  public RestorePhase phaseOrPending() {
    return phase == null ? RestorePhase.Pending : phase;
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** A copy with some fields changed. */
  public static final class Builder {
    private RestorePhase phase;
    private List<Condition> conditions;
    private String stage;
    private Progress progress;
    private RestoreCounts counts;
    private String archiveSha256;
    private String actingAs;
    private String message;
    private Instant startedAt;
    private Instant completedAt;
    private Long observedGeneration;

    Builder(RestoreStatus s) {
      phase = s.phase;
      conditions = s.conditions;
      stage = s.stage;
      progress = s.progress;
      counts = s.counts;
      archiveSha256 = s.archiveSha256;
      actingAs = s.actingAs;
      message = s.message;
      startedAt = s.startedAt;
      completedAt = s.completedAt;
      observedGeneration = s.observedGeneration;
    }

    public Builder phase(RestorePhase v) {
      phase = v;
      return this;
    }

    public Builder conditions(List<Condition> v) {
      conditions = v;
      return this;
    }

    public Builder stage(@Nullable String v) {
      stage = v;
      return this;
    }

    public Builder progress(@Nullable Progress v) {
      progress = v;
      return this;
    }

    public Builder counts(@Nullable RestoreCounts v) {
      counts = v;
      return this;
    }

    public Builder archiveSha256(@Nullable String v) {
      archiveSha256 = v;
      return this;
    }

    public Builder actingAs(@Nullable String v) {
      actingAs = v;
      return this;
    }

    public Builder message(@Nullable String v) {
      message = v;
      return this;
    }

    public Builder startedAt(@Nullable Instant v) {
      startedAt = v;
      return this;
    }

    public Builder completedAt(@Nullable Instant v) {
      completedAt = v;
      return this;
    }

    public Builder observedGeneration(@Nullable Long v) {
      observedGeneration = v;
      return this;
    }

    public List<Condition> conditions() {
      return conditions;
    }

    public RestoreStatus build() {
      return new RestoreStatus(
          phase,
          conditions,
          stage,
          progress,
          counts,
          archiveSha256,
          actingAs,
          message,
          startedAt,
          completedAt,
          observedGeneration);
    }
  }
}
