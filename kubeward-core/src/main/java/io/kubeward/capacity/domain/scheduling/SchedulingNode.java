package io.kubeward.capacity.domain.scheduling;

import io.kubeward.cluster.domain.NodeTaint;
import io.kubeward.cluster.domain.NodeView;
import io.kubeward.cluster.domain.Resources;
import java.util.List;
import java.util.Map;

/** A node as the scheduler model sees it: labels, taints, cordon and allocatable resources. */
public record SchedulingNode(
    String name,
    Map<String, String> labels,
    List<NodeTaint> taints,
    boolean unschedulable,
    Resources allocatable) {

  public SchedulingNode {
    labels = Map.copyOf(labels);
    taints = List.copyOf(taints);
  }

  public static SchedulingNode of(NodeView node) {
    return new SchedulingNode(
        node.name(), node.labels(), node.taints(), node.unschedulable(), node.allocatable());
  }

  /** This node cordoned (a drain cordons first). */
  public SchedulingNode cordoned() {
    return new SchedulingNode(name, labels, taints, true, allocatable);
  }
}
