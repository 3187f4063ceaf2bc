package io.kubeward.maintenance.app;

import io.kubeward.common.ErrorKind;
import io.kubeward.common.KubewardException;
import java.util.Map;

/** The NodeMaintenance changed since it was read (resourceVersion); read it again. */
public final class StaleMaintenanceException extends KubewardException {

  public static final String CODE = "maintenance.conflict";

  public StaleMaintenanceException(String cluster, String name) {
    super(
        CODE,
        ErrorKind.CONFLICT,
        "NodeMaintenance " + name + " changed in " + cluster,
        Map.of("cluster", cluster, "name", name));
  }
}
