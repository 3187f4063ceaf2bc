package io.kubeward.cluster.kube;

/** The connection settings of a cluster cannot be used (missing file, unknown context). */
public final class ClusterConfigurationException extends RuntimeException {

  public ClusterConfigurationException(String message) {
    super(message);
  }

  public ClusterConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }
}
