package io.kubeward.maintenance.app;

import io.kubeward.common.ErrorKind;
import io.kubeward.common.KubewardException;
import java.util.LinkedHashMap;
import java.util.Map;

/** A maintenance names a node that does not exist; nothing was created. */
public final class MaintenanceNodeNotFoundException extends KubewardException {

  public static final String CODE = "maintenance.node-not-found";

  public MaintenanceNodeNotFoundException(String cluster, String node) {
    super(
        CODE,
        ErrorKind.INVALID,
        "No node " + node + " in " + cluster,
        ordered("cluster", cluster, "node", node));
  }

  private static Map<String, Object> ordered(String k1, Object v1, String k2, Object v2) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put(k1, v1);
    p.put(k2, v2);
    return p;
  }
}
