package io.kubeward.cluster.kube;

import java.nio.file.Path;

/** Where a cluster's connection settings come from. */
public sealed interface ClusterSource {

  /**
   * An explicit kubeconfig file.
   *
   * @param context the context to use, {@code null} for the file's current-context
   */
  record KubeconfigFile(Path file, String context) implements ClusterSource {}

  /** The pod's service account (running inside the cluster). */
  record InCluster() implements ClusterSource {}

  /**
   * The kubeconfig files named by {@code KUBECONFIG}, or {@code ~/.kube/config}.
   *
   * @param context the context to use, {@code null} for the current-context
   */
  record DefaultKubeconfig(String context) implements ClusterSource {}

  /**
   * Kubeconfig text given at runtime (a cluster added through the API).
   *
   * @param context the context to use, {@code null} for the current-context
   */
  record KubeconfigText(String kubeconfig, String context) implements ClusterSource {
    @Override
    public String toString() {
      return "KubeconfigText[context=" + context + "]";
    }
  }
}
