package io.kubeward.server.cluster;

import io.kubeward.cluster.kube.ClusterConfigurationException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a cluster that cannot be configured (not one that is unreachable: that is no failure).
 */
class ClusterConfigurationFailureAnalyzer
    extends AbstractFailureAnalyzer<ClusterConfigurationException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, ClusterConfigurationException cause) {
    return new FailureAnalysis(
        "Kubeward cannot configure its cluster: " + cause.getMessage(),
        "Start Kubeward with --kubeconfig <file> (and --context <name>), set KUBECONFIG, or run it"
            + " in a pod with a service account.",
        cause);
  }
}
