package io.kubeward.drain.domain;

import org.jspecify.annotations.Nullable;

/**
 * One pod's fate in a drain.
 *
 * @param ownerKind the kind of the controlling owner, {@code null} if none
 * @param pdb the disruption budget that covers the pod, {@code null} if none
 * @param disruptionsAllowed that budget's {@code status.disruptionsAllowed}, {@code null} if none
 * @param reason why, in English (for logs and the CLI; the console translates {@code fate})
 */
public record PodPlan(
    String namespace,
    String name,
    @Nullable String ownerKind,
    @Nullable String ownerName,
    PodFate fate,
    @Nullable String pdb,
    @Nullable Integer disruptionsAllowed,
    @Nullable String reason) {}
