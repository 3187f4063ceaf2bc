package io.kubeward.maintenance.app;

import io.kubeward.common.ErrorKind;
import io.kubeward.common.KubewardException;
import java.util.Map;

/** The maintenance is finished: it cannot be paused, resumed or cancelled any more. */
public final class MaintenanceFinishedException extends KubewardException {

  public static final String CODE = "maintenance.finished";

  public MaintenanceFinishedException(String cluster, String name) {
    super(
        CODE,
        ErrorKind.CONFLICT,
        "NodeMaintenance " + name + " in " + cluster + " is finished",
        Map.of("cluster", cluster, "name", name));
  }
}
