package io.kubeward.backup.app;

import io.kubeward.common.ErrorKind;
import io.kubeward.common.KubewardException;

/** The Backup has no archive (yet): not finished, or failed. */
public final class BackupStateException extends KubewardException {

  public static final String CODE = "backup.no-archive";

  public BackupStateException(String namespace, String name, String phase) {
    super(
        CODE,
        ErrorKind.CONFLICT,
        "Backup " + namespace + "/" + name + " has no archive (phase " + phase + ")",
        props("name", namespace + "/" + name, "phase", phase));
  }
}
