package io.kubeward.exec.kube;

import io.kubeward.common.ErrorKind;
import io.kubeward.common.KubewardException;

/** The pod or the apiserver ended a port-forward with an error (e.g. nothing listens): 502-like. */
final class ForwardFailedException extends KubewardException {

  ForwardFailedException(String cluster, String reason) {
    super(
        "exec.forward-failed",
        ErrorKind.UNAVAILABLE,
        "Port-forward in cluster " + cluster + " failed: " + reason,
        props("cluster", cluster, "reason", reason));
  }
}
