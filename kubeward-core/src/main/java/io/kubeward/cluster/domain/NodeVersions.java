package io.kubeward.cluster.domain;

/** The software a node reports in {@code status.nodeInfo}; a field is {@code null} if unset. */
public record NodeVersions(
    String kubelet, String kubeProxy, String osImage, String kernel, String containerRuntime) {

  public static final NodeVersions UNKNOWN = new NodeVersions(null, null, null, null, null);
}
