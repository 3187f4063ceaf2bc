package io.kubeward.cluster.app;

/** Port: connects to a cluster given as kubeconfig text (no request is sent while connecting). */
public interface ClusterFactory {

  /**
   * @param context the context to use, {@code null} for the kubeconfig's current-context
   * @throws ClusterRequestException ({@code cluster.invalid-kubeconfig}) if it cannot be used
   */
  ManagedCluster connect(String name, String kubeconfig, String context);
}
