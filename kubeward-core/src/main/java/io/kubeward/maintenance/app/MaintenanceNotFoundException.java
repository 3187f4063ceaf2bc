package io.kubeward.maintenance.app;

import io.kubeward.common.ErrorKind;
import io.kubeward.common.KubewardException;
import java.util.Map;

/** No NodeMaintenance of that name in the cluster. */
public final class MaintenanceNotFoundException extends KubewardException {

  public static final String CODE = "maintenance.not-found";

  public MaintenanceNotFoundException(String cluster, String name) {
    super(
        CODE,
        ErrorKind.NOT_FOUND,
        "No NodeMaintenance " + name + " in " + cluster,
        Map.of("cluster", cluster, "name", name));
  }
}
