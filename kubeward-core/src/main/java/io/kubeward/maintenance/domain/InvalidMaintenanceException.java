package io.kubeward.maintenance.domain;

import io.kubeward.common.ErrorKind;
import io.kubeward.common.KubewardException;
import java.util.LinkedHashMap;
import java.util.Map;

/** A maintenance request that cannot be carried out; nothing was created or changed. */
public final class InvalidMaintenanceException extends KubewardException {

  public static final String CODE = "maintenance.invalid";

  public InvalidMaintenanceException(String field, String reason) {
    super(CODE, ErrorKind.INVALID, field + ": " + reason, properties(field, reason));
  }

  private static Map<String, Object> properties(String field, String reason) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("field", field);
    p.put("reason", reason);
    return p;
  }
}
