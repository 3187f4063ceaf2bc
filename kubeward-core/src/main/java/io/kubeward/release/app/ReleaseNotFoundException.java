package io.kubeward.release.app;

import io.kubeward.common.ErrorKind;
import io.kubeward.common.KubewardException;

/** No such Release. */
public final class ReleaseNotFoundException extends KubewardException {

  public static final String CODE = "release.not-found";

  public ReleaseNotFoundException(String cluster, String namespace, String name) {
    super(
        CODE,
        ErrorKind.NOT_FOUND,
        "cluster " + cluster + " has no Release " + namespace + "/" + name,
        props("cluster", cluster, "release", namespace + "/" + name));
  }
}
