package io.kubeward.drain.domain;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One pod in a running drain, tracked by {@code uid}.
 *
 * @param pdb the disruption budget that blocks it, {@code null} if none
 * @param attempts evictions or deletions sent so far
 * @param nextAttemptAt when a blocked or failed eviction is tried again, {@code null} if not due
 * @param message what happened last, in English (e.g. "deleted without controller (force)")
 */
public record PodProgress(
    String namespace,
    String name,
    @Nullable String uid,
    PodDrainState state,
    @Nullable String pdb,
    int attempts,
    @Nullable Instant lastAttemptAt,
    @Nullable Instant nextAttemptAt,
    @Nullable String message) {}
