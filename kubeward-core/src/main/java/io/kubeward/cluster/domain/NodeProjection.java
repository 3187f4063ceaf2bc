package io.kubeward.cluster.domain;

import static io.kubeward.cluster.domain.ProjectionSupport.createdAt;
import static io.kubeward.cluster.domain.ProjectionSupport.instant;
import static io.kubeward.cluster.domain.ProjectionSupport.intern;
import static io.kubeward.cluster.domain.ProjectionSupport.labels;
import static io.kubeward.cluster.domain.ProjectionSupport.millis;
import static io.kubeward.cluster.domain.ProjectionSupport.whole;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.NodeSystemInfo;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Taint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Nodes to {@link NodeView}s: readiness, pressures, conditions without heartbeats (so a heartbeat
 * is no change), zone, roles, taints, versions, capacity and allocatable.
 */
public final class NodeProjection {

  public static final String ZONE_LABEL = "topology.kubernetes.io/zone";
  static final String LEGACY_ZONE_LABEL = "failure-domain.beta.kubernetes.io/zone";

  /** The label prefix of node roles ({@code node-role.kubernetes.io/<role>}). */
  public static final String ROLE_LABEL_PREFIX = "node-role.kubernetes.io/";

  private NodeProjection() {}

  public static NodeView node(Node node) {
    ObjectMeta meta = node.getMetadata();
    boolean ready = false;
    List<String> pressures = new ArrayList<>();
    List<NodeConditionView> conditions = new ArrayList<>();
    Map<String, Quantity> allocatable = Map.of();
    Map<String, Quantity> capacity = Map.of();
    NodeVersions versions = NodeVersions.UNKNOWN;
    if (node.getStatus() != null) {
      if (node.getStatus().getConditions() != null) {
        for (NodeCondition condition : node.getStatus().getConditions()) {
          if ("Ready".equals(condition.getType())) {
            ready = "True".equals(condition.getStatus());
          } else if ("True".equals(condition.getStatus()) && condition.getType() != null) {
            pressures.add(condition.getType().intern());
          }
          if (condition.getType() != null) {
            conditions.add(
                new NodeConditionView(
                    condition.getType().intern(),
                    intern(condition.getStatus()),
                    intern(condition.getReason()),
                    intern(condition.getMessage()),
                    instant(condition.getLastTransitionTime())));
          }
        }
      }
      if (node.getStatus().getAllocatable() != null) {
        allocatable = node.getStatus().getAllocatable();
      }
      if (node.getStatus().getCapacity() != null) {
        capacity = node.getStatus().getCapacity();
      }
      NodeSystemInfo info = node.getStatus().getNodeInfo();
      if (info != null) {
        versions =
            new NodeVersions(
                intern(info.getKubeletVersion()),
                intern(info.getKubeProxyVersion()),
                intern(info.getOsImage()),
                intern(info.getKernelVersion()),
                intern(info.getContainerRuntimeVersion()));
      }
    }
    boolean unschedulable =
        node.getSpec() != null && Boolean.TRUE.equals(node.getSpec().getUnschedulable());
    return new NodeView(
        intern(meta.getName()),
        meta.getUid(),
        meta.getResourceVersion(),
        createdAt(meta),
        labels(meta),
        ready,
        unschedulable,
        zoneOf(meta),
        List.copyOf(pressures),
        nodeResources(capacity),
        nodeResources(allocatable),
        versions.kubelet(),
        rolesOf(meta),
        taintsOf(node),
        List.copyOf(conditions),
        versions);
  }

  private static List<String> rolesOf(ObjectMeta meta) {
    if (meta.getLabels() == null) {
      return List.of();
    }
    List<String> roles = new ArrayList<>();
    for (String key : meta.getLabels().keySet()) {
      if (key.startsWith(ROLE_LABEL_PREFIX) && key.length() > ROLE_LABEL_PREFIX.length()) {
        roles.add(key.substring(ROLE_LABEL_PREFIX.length()).intern());
      }
    }
    roles.sort(null);
    return List.copyOf(roles);
  }

  private static List<NodeTaint> taintsOf(Node node) {
    if (node.getSpec() == null || node.getSpec().getTaints() == null) {
      return List.of();
    }
    List<NodeTaint> taints = new ArrayList<>();
    for (Taint taint : node.getSpec().getTaints()) {
      taints.add(
          new NodeTaint(
              intern(taint.getKey()), intern(taint.getValue()), intern(taint.getEffect())));
    }
    return List.copyOf(taints);
  }

  private static Resources nodeResources(Map<String, Quantity> values) {
    return new Resources(
        millis(values.get("cpu")),
        whole(values.get("memory")),
        whole(values.get("pods")),
        whole(values.get("ephemeral-storage")));
  }

  private static String zoneOf(ObjectMeta meta) {
    Map<String, String> labels = meta.getLabels();
    if (labels == null) {
      return null;
    }
    String zone = labels.get(ZONE_LABEL);
    return zone != null ? zone : labels.get(LEGACY_ZONE_LABEL);
  }
}
