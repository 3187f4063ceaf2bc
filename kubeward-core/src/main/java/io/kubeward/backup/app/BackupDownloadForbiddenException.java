package io.kubeward.backup.app;

import io.kubeward.common.ErrorKind;
import io.kubeward.common.KubewardException;

/**
 * An archive holds what its creator could read: only that person or an administrator downloads it.
 */
public final class BackupDownloadForbiddenException extends KubewardException {

  public static final String CODE = "backup.download-forbidden";

  public BackupDownloadForbiddenException(String user, String namespace, String name) {
    super(
        CODE,
        ErrorKind.FORBIDDEN,
        user + " may not download the archive of Backup " + namespace + "/" + name,
        props("user", user, "name", namespace + "/" + name));
  }
}
