package io.kubeward.drain.app;

import io.kubeward.common.ErrorKind;
import io.kubeward.common.KubewardException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The cluster has no node of that name. */
public final class DrainNodeNotFoundException extends KubewardException {

  public static final String CODE = "node.not-found";

  public DrainNodeNotFoundException(String cluster, String node) {
    super(
        CODE,
        ErrorKind.NOT_FOUND,
        "No node " + node + " in cluster " + cluster,
        props(cluster, node));
  }

  private static Map<String, Object> props(String cluster, String node) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("node", node);
    properties.put("cluster", cluster);
    return properties;
  }
}
