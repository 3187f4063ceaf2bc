package io.kubeward.maintenance.app;

import io.kubeward.common.ErrorKind;
import io.kubeward.common.KubewardException;
import java.util.LinkedHashMap;
import java.util.Map;

/** No NodeMaintenance of that name in the cluster. */
public final class MaintenanceNotFoundException extends KubewardException {

  public static final String CODE = "maintenance.not-found";

  public MaintenanceNotFoundException(String cluster, String name) {
    super(
        CODE,
        ErrorKind.NOT_FOUND,
        "No NodeMaintenance " + name + " in " + cluster,
        ordered("cluster", cluster, "name", name));
  }

  private static Map<String, Object> ordered(String k1, Object v1, String k2, Object v2) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put(k1, v1);
    p.put(k2, v2);
    return p;
  }
}
