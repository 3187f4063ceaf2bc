package io.kubeward.node.app;

import io.kubeward.common.ErrorKind;
import io.kubeward.common.KubewardException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The cluster has no node of that name. */
public final class NodeNotFoundException extends KubewardException {

  public static final String CODE = "node.not-found";

  public NodeNotFoundException(String cluster, String node) {
    super(
        CODE,
        ErrorKind.NOT_FOUND,
        "Cluster " + cluster + " has no node " + node,
        props(node, cluster));
  }

  private static Map<String, Object> props(String node, String cluster) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("node", node);
    properties.put("cluster", cluster);
    return properties;
  }
}
