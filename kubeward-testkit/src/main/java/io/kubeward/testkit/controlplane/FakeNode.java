package io.kubeward.testkit.controlplane;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** A node simulated by KWOK: a plain Node object with capacity, labels and the KWOK annotation. */
public record FakeNode(
    String name, String cpu, String memory, int pods, Map<String, String> labels) {

  public static final String ZONE_LABEL = "topology.kubernetes.io/zone";

  public FakeNode {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(cpu, "cpu");
    Objects.requireNonNull(memory, "memory");
    labels = Map.copyOf(labels);
  }

  /** A node with 8 CPUs, 32 GiB of memory and room for 110 pods in the given zone. */
  public static FakeNode inZone(String name, String zone) {
    return new FakeNode(name, "8", "32Gi", 110, Map.of(ZONE_LABEL, zone));
  }

  public FakeNode withCapacity(String cpu, String memory, int pods) {
    return new FakeNode(name, cpu, memory, pods, labels);
  }

  public FakeNode withLabel(String key, String value) {
    Map<String, String> copy = new LinkedHashMap<>(labels);
    copy.put(key, value);
    return new FakeNode(name, cpu, memory, pods, copy);
  }
}
