package io.kubeward.capacity.domain;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodSpec;
import java.util.Map;

/**
 * A workload's pod template as read live (the cache keeps no template): what a new replica would
 * look like to the scheduler.
 */
public record WorkloadTemplate(
    String kind,
    String namespace,
    String name,
    int replicas,
    LabelSelector selector,
    Map<String, String> labels,
    PodSpec spec) {

  public WorkloadTemplate {
    labels = labels == null ? Map.of() : Map.copyOf(labels);
  }
}
