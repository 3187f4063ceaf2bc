package io.kubeward.maintenance.app;

import io.kubeward.common.ErrorKind;
import io.kubeward.common.KubewardException;
import java.util.Map;

/** A NodeMaintenance of that name exists already. */
public final class MaintenanceExistsException extends KubewardException {

  public static final String CODE = "maintenance.exists";

  public MaintenanceExistsException(String cluster, String name) {
    super(
        CODE,
        ErrorKind.CONFLICT,
        "NodeMaintenance " + name + " exists in " + cluster,
        Map.of("cluster", cluster, "name", name));
  }
}
