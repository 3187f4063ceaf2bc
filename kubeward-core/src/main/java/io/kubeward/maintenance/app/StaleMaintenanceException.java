package io.kubeward.maintenance.app;

import io.kubeward.common.ErrorKind;
import io.kubeward.common.KubewardException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The NodeMaintenance changed since it was read (resourceVersion); read it again. */
public final class StaleMaintenanceException extends KubewardException {

  public static final String CODE = "maintenance.conflict";

  public StaleMaintenanceException(String cluster, String name) {
    super(
        CODE,
        ErrorKind.CONFLICT,
        "NodeMaintenance " + name + " changed in " + cluster,
        ordered("cluster", cluster, "name", name));
  }

  private static Map<String, Object> ordered(String k1, Object v1, String k2, Object v2) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put(k1, v1);
    p.put(k2, v2);
    return p;
  }
}
