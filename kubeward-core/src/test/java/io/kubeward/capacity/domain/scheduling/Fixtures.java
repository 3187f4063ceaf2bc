package io.kubeward.capacity.domain.scheduling;

import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.kubeward.cluster.domain.NodeTaint;
import io.kubeward.cluster.domain.Resources;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Small builders for scheduler-model tests. */
final class Fixtures {

  private Fixtures() {}

  static final long GI = 1024L * 1024 * 1024;

  static SchedulingNode node(
      String name, long cpuMillis, long memoryGi, Map<String, String> labels, NodeTaint... taints) {
    Map<String, String> all = new HashMap<>(labels);
    all.put("kubernetes.io/hostname", name);
    return new SchedulingNode(
        name, all, List.of(taints), false, new Resources(cpuMillis, memoryGi * GI, 110));
  }

  static SchedulingNode node(String name, long cpuMillis, long memoryGi) {
    return node(name, cpuMillis, memoryGi, Map.of());
  }

  static PodSpecBuilder spec(String cpu, String memory) {
    return new PodSpecBuilder()
        .addNewContainer()
        .withName("app")
        .withImage("app:1")
        .withNewResources()
        .addToRequests("cpu", new Quantity(cpu))
        .addToRequests("memory", new Quantity(memory))
        .endResources()
        .endContainer();
  }

  static PodShape pod(String name, Map<String, String> labels, PodSpec spec) {
    return PodShape.of(name, "ns", labels, spec, false);
  }

  static SchedulingState state(List<SchedulingNode> nodes, SchedulingState.Bound... pods) {
    return new SchedulingState(nodes, List.of(pods));
  }
}
