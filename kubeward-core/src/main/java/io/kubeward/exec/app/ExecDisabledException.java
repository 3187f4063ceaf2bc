package io.kubeward.exec.app;

import io.kubeward.common.ErrorKind;
import io.kubeward.common.KubewardException;

/** An administrator turned exec and port-forward off for the cluster: 403 {@code exec.disabled}. */
public final class ExecDisabledException extends KubewardException {

  public static final String CODE = "exec.disabled";

  public ExecDisabledException(String cluster) {
    super(
        CODE,
        ErrorKind.FORBIDDEN,
        "Exec and port-forward are disabled on cluster " + cluster,
        props("cluster", cluster));
  }
}
