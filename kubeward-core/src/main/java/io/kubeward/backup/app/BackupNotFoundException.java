package io.kubeward.backup.app;

import io.kubeward.common.ErrorKind;
import io.kubeward.common.KubewardException;

/** No such Backup or BackupSchedule (or the caller may not read it). */
public final class BackupNotFoundException extends KubewardException {

  public static final String CODE = "backup.not-found";
  public static final String SCHEDULE_CODE = "backup.schedule-not-found";

  public BackupNotFoundException(String kind, String cluster, String namespace, String name) {
    super(
        kind.equals("BackupSchedule") ? SCHEDULE_CODE : CODE,
        ErrorKind.NOT_FOUND,
        "cluster " + cluster + " has no " + kind + " " + namespace + "/" + name,
        props("cluster", cluster, "name", namespace + "/" + name));
  }
}
