package io.kubeward.node.health.app;

import io.kubeward.node.health.domain.HealthDetection;
import java.util.List;

/** Port: the detections kept in memory (active ones and the most recent ended ones). */
public interface NodeHealthHistory {

  /**
   * @param node a node name, or {@code null} for every node
   * @param active {@code true}: only active, {@code false}: only ended, {@code null}: both
   * @return newest first
   */
  List<HealthDetection> detections(String cluster, String node, Boolean active);
}
