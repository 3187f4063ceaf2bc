package io.kubeward.maintenance.app;

import io.kubeward.common.ErrorKind;
import io.kubeward.common.KubewardException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The NodeMaintenance CRD is not installed in the cluster and Kubeward may not install it, so
 * maintenance is not available there.
 */
public final class MaintenanceUnavailableException extends KubewardException {

  public static final String CODE = "maintenance.crd-missing";

  public MaintenanceUnavailableException(String cluster, String reason) {
    super(
        CODE,
        ErrorKind.UNAVAILABLE,
        "The NodeMaintenance CRD is missing in " + cluster + ": " + reason,
        ordered("cluster", cluster, "reason", reason == null ? "-" : reason));
  }

  private static Map<String, Object> ordered(String k1, Object v1, String k2, Object v2) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put(k1, v1);
    p.put(k2, v2);
    return p;
  }
}
