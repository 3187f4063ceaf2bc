package io.kubeward.drain.domain;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A drain's progress after one pass; the input of the next pass. Plain values, so it can be stored
 * as JSON (in a NodeMaintenance's status) and a restart resumes where the last pass stopped.
 *
 * @param finishedAt when a final state was reached, {@code null} while running
 * @param blockers the budgets blocking longer than {@code blockedReportAfter} (state BLOCKED), or
 *     at the timeout
 */
public record DrainProgress(
    String node,
    DrainState state,
    @Nullable Instant startedAt,
    @Nullable Instant finishedAt,
    List<PodProgress> pods,
    List<DrainBlocker> blockers,
    @Nullable String message) {

  public DrainProgress {
    pods = pods == null ? List.of() : List.copyOf(pods);
    blockers = blockers == null ? List.of() : List.copyOf(blockers);
  }
}
