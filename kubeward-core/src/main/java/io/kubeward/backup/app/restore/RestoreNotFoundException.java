package io.kubeward.backup.app.restore;

import io.kubeward.common.ErrorKind;
import io.kubeward.common.KubewardException;

/** 404 {@code restore.not-found}. */
public final class RestoreNotFoundException extends KubewardException {

  public static final String CODE = "restore.not-found";

  public RestoreNotFoundException(String cluster, String namespace, String name) {
    super(
        CODE,
        ErrorKind.NOT_FOUND,
        "no Restore " + namespace + "/" + name + " in cluster " + cluster,
        props("cluster", cluster, "namespace", namespace, "name", name));
  }
}
