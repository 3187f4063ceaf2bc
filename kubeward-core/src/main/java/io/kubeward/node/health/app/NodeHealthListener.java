package io.kubeward.node.health.app;

import io.kubeward.node.health.domain.HealthDetection;

/**
 * Receives node health detections as they start and end (the alerting consumes this). Called on
 * Kubeward's scanning or cache threads: return quickly and do not throw.
 */
public interface NodeHealthListener {

  void started(HealthDetection detection);

  void ended(HealthDetection detection);
}
