package io.kubeward.maintenance.app;

import io.kubeward.common.ErrorKind;
import io.kubeward.common.KubewardException;
import java.util.Map;

/** A maintenance names a node that does not exist; nothing was created. */
public final class MaintenanceNodeNotFoundException extends KubewardException {

  public static final String CODE = "maintenance.node-not-found";

  public MaintenanceNodeNotFoundException(String cluster, String node) {
    super(
        CODE,
        ErrorKind.INVALID,
        "No node " + node + " in " + cluster,
        Map.of("cluster", cluster, "node", node));
  }
}
