package io.kubeward.helm.app;

import io.kubeward.access.app.Caller;
import io.kubeward.helm.domain.HelmCommand;

/**
 * Port: runs one helm command against a cluster with the caller's Kubernetes identity (so that the
 * cluster's RBAC decides, never Kubeward's rights).
 */
public interface HelmRunner {

  /** Whether the helm binary can be run; writes answer {@code helm.unavailable} if not. */
  boolean available();

  /** The configured binary, for messages. */
  String binary();

  /**
   * Runs the command and answers what helm wrote to standard output.
   *
   * @throws io.kubeward.helm.domain.HelmException helm's failure, translated
   */
  String run(Caller caller, String cluster, HelmCommand command);
}
