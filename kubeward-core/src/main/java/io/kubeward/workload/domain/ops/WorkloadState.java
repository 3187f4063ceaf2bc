package io.kubeward.workload.domain.ops;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A workload as an operation left it, read back from the apiserver: what the answer of every
 * operation shows. Fields that do not apply to the kind are {@code null}.
 *
 * @param images container name → image (init containers included)
 * @param revision the current rollout revision (Deployment: its revision annotation)
 * @param restartedAt the template's {@code kubectl.kubernetes.io/restartedAt}
 */
public record WorkloadState(
    String kind,
    String namespace,
    String name,
    String resourceVersion,
    long generation,
    @Nullable Integer replicas,
    @Nullable Integer readyReplicas,
    @Nullable Integer updatedReplicas,
    @Nullable Integer availableReplicas,
    @Nullable Boolean paused,
    @Nullable Boolean suspended,
    Map<String, String> images,
    @Nullable Long revision,
    @Nullable String restartedAt) {}
