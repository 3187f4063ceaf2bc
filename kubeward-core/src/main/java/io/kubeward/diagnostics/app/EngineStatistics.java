package io.kubeward.diagnostics.app;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What the engine did for one cluster: active findings, findings not opened because the cluster had
 * {@code max-findings-per-cluster}, the last full pass (when, how long, how many objects judged),
 * incremental evaluations (batches, objects judged, total time), rule failures.
 */
public record EngineStatistics(
    String cluster,
    int activeFindings,
    long droppedFindings,
    @Nullable Instant lastFullPass,
    Duration lastFullPassTime,
    long lastFullPassSubjects,
    long fullPasses,
    long incrementalBatches,
    long incrementalSubjects,
    Duration incrementalTime,
    long ruleFailures) {}
