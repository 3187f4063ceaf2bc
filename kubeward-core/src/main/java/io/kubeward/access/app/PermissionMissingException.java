package io.kubeward.access.app;

import io.kubeward.access.domain.ResourceAction;
import io.kubeward.common.ErrorKind;
import io.kubeward.common.KubewardException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The cluster says the caller may not do something that Kubeward would otherwise do for them with
 * its own rights (e.g. a maintenance drains nodes as Kubeward): Kubeward never lends its rights, so
 * it refuses, naming the missing permission.
 */
public final class PermissionMissingException extends KubewardException {

  public static final String CODE = "access.permission-missing";

  public PermissionMissingException(
      String username, String cluster, ResourceAction action, String purpose) {
    super(
        CODE,
        ErrorKind.FORBIDDEN,
        username
            + " may not "
            + describe(action)
            + " in cluster "
            + cluster
            + ", which "
            + purpose
            + " needs",
        properties(username, describe(action), cluster, purpose));
  }

  /** {@code patch nodes}, {@code create pods/eviction in namespace shop}. */
  static String describe(ResourceAction action) {
    String resource =
        (action.group().isEmpty() ? "" : action.group() + "/")
            + action.resource()
            + (action.subresource() == null ? "" : "/" + action.subresource());
    return action.verb()
        + " "
        + resource
        + (action.namespace() == null ? "" : " in namespace " + action.namespace());
  }

  private static Map<String, Object> properties(
      String username, String action, String cluster, String purpose) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("user", username);
    properties.put("permission", action);
    properties.put("cluster", cluster);
    properties.put("purpose", purpose);
    return properties;
  }
}
