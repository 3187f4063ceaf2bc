package io.kubeward.access.app;

import io.kubeward.common.ErrorKind;
import io.kubeward.common.KubewardException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A change was asked of a cluster where Kubeward may not impersonate its users: only Kubeward's
 * administrators may change anything there (failing safe), and the caller is not one.
 */
public final class ClusterReadOnlyException extends KubewardException {

  public static final String CODE = "cluster.read-only";

  public ClusterReadOnlyException(String username, String cluster, String reason) {
    super(
        CODE,
        ErrorKind.FORBIDDEN,
        "Cluster "
            + cluster
            + " is read-only for "
            + username
            + ": Kubeward may not impersonate users there ("
            + reason
            + ")",
        properties(cluster, reason, username));
  }

  private static Map<String, Object> properties(String cluster, String reason, String username) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("cluster", cluster);
    properties.put("reason", reason);
    properties.put("user", username);
    return properties;
  }
}
