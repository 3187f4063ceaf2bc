package io.kubeward.workload.domain.ops;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a workload's rollout history: a Deployment's ReplicaSet with its {@code
 * deployment.kubernetes.io/revision}, or a StatefulSet's/DaemonSet's ControllerRevision.
 *
 * @param source the ReplicaSet or ControllerRevision that holds the revision
 * @param changeCause the {@code kubernetes.io/change-cause} annotation, if any
 * @param current whether the workload runs this revision now
 */
public record Revision(
    long revision,
    String source,
    @Nullable Instant createdAt,
    @Nullable String changeCause,
    List<String> images,
    boolean current) {}
