package io.kubeward.cluster.domain;

import org.jspecify.annotations.Nullable;

/** The software a node reports in {@code status.nodeInfo}; a field is {@code null} if unset. */
public record NodeVersions(
    @Nullable String kubelet,
    @Nullable String kubeProxy,
    @Nullable String osImage,
    @Nullable String kernel,
    @Nullable String containerRuntime) {

  public static final NodeVersions UNKNOWN = new NodeVersions(null, null, null, null, null);
}
