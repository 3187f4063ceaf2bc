package io.kubeward.node.domain;

import io.kubeward.cluster.domain.NodeTaint;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The labels and taints of a node, as full sets: an edit gives the desired sets, not a patch.
 * Labels are kept sorted by key, taints in the given order.
 */
public record NodeMetadata(Map<String, String> labels, List<NodeTaint> taints) {

  public NodeMetadata {
    labels = labels == null ? Map.of() : java.util.Collections.unmodifiableMap(sorted(labels));
    taints = taints == null ? List.of() : List.copyOf(taints);
  }

  private static Map<String, String> sorted(Map<String, String> labels) {
    Map<String, String> out = new TreeMap<>();
    labels.forEach((k, v) -> out.put(k, v == null ? "" : v));
    return out;
  }

  /**
   * A stable text of the sets for a unified diff: one line per label ({@code key=value}) and per
   * taint ({@code key=value:effect}).
   */
  public String render() {
    StringBuilder out = new StringBuilder("labels:\n");
    labels.forEach((k, v) -> out.append("  ").append(k).append('=').append(v).append('\n'));
    out.append("taints:\n");
    for (NodeTaint taint : taints) {
      out.append("  ").append(taint).append('\n');
    }
    return out.toString();
  }
}
