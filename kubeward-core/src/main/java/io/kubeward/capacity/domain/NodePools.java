package io.kubeward.capacity.domain;

import java.util.List;
import java.util.Map;

/**
 * Which node pool a node belongs to: the value of the first of the configured labels it carries
 * ({@code kubeward.io/pool}, then the cloud providers' node-pool labels), {@value #DEFAULT} for a
 * node with none of them.
 */
public record NodePools(List<String> labels) {

  public static final String DEFAULT = "default";

  public static final List<String> DEFAULT_LABELS =
      List.of(
          "kubeward.io/pool",
          "cloud.google.com/gke-nodepool",
          "eks.amazonaws.com/nodegroup",
          "kubernetes.azure.com/agentpool",
          "node.kubernetes.io/instance-type");

  public static final String ZONE_LABEL = "topology.kubernetes.io/zone";

  public NodePools {
    labels = List.copyOf(labels);
  }

  public String poolOf(Map<String, String> nodeLabels) {
    for (String label : labels) {
      String value = nodeLabels.get(label);
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    return DEFAULT;
  }
}
