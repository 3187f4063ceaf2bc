package io.kubeward.workload.domain;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What rollout tracking reads of one workload (from the shared cache): its counts, generations and
 * revisions, the strategy ({@code RollingUpdate}/{@code OnDelete}) and partition, the Deployment's
 * {@code Progressing} condition (reason and message) or a Job's state, when it last progressed
 * (kinds without a progress deadline), and its new revision's pods that are not ready.
 */
public record RolloutObservation(
    WorkloadKind kind,
    String namespace,
    String name,
    int desired,
    int updated,
    int ready,
    int available,
    int total,
    long generation,
    long observedGeneration,
    boolean paused,
    @Nullable String strategy,
    @Nullable Integer partition,
    @Nullable String revision,
    @Nullable String currentRevision,
    @Nullable String progressingReason,
    @Nullable String progressingMessage,
    @Nullable String jobState,
    @Nullable Instant lastProgress,
    List<RolloutPod> notReady) {

  public RolloutObservation {
    notReady = notReady == null ? List.of() : List.copyOf(notReady);
  }
}
